import CivicSDK
import Foundation

/// A calendar month ("2023-06"): the precision of an action plan's schedule.
struct YearMonth: Comparable, Hashable, Sendable, CustomStringConvertible {
    let year: Int
    let month: Int

    init?(year: Int, month: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The current month in `tenant`'s time zone.
    static func current(_ tenant: Tenant) -> YearMonth {
        YearMonth(String(tenant.today.prefix(7))) ?? YearMonth(year: 2000, month: 1)!
    }

    var description: String { String(format: "%04d-%02d", year, month) }

    /// Months from `self` to `other` (positive when `other` is later).
    func months(to other: YearMonth) -> Int { (other.year - year) * 12 + (other.month - month) }

    static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
