import Foundation

/// The moment a module's figures are computed for (see ``CivicModule/indicators(_:_:at:)``): now, for
/// the live figures, or the end of a past day (a month's last day on the dashboard, a report's period
/// end), rebuilt from the dated facts themselves: a report counts from its publication date, a
/// suggestion from the day it was received, so every page agrees on what a month held.
public struct FigureMoment: Sendable, Hashable {
    /// Facts stored with a time count when they happened before this instant.
    public let end: Date
    /// The tenant's day the moment closes, `YYYY-MM-DD`: facts stored as days count up to it, included.
    public let day: String
    /// Whether this is now: figures may then read the current state of what has no dated history.
    public let isNow: Bool

    /// The tenant's month the moment closes, `YYYY-MM`.
    public var month: String { String(day.prefix(7)) }
    /// The year the moment closes.
    public var year: Int { Int(day.prefix(4)) ?? 0 }

    /// The figures as they stand at `now`.
    public static func now(_ tenant: Tenant, at now: Date = Date()) -> FigureMoment {
        FigureMoment(end: now, day: DateText(locale: tenant.defaultLocale, formats: tenant.formats).isoDay(now), isNow: true)
    }

    /// The end of `day` (`YYYY-MM-DD`) in the tenant's time zone, or now when that end is still to come;
    /// `nil` when `day` is no calendar day.
    public static func endOf(day: String, _ tenant: Tenant, now: Date = Date()) -> FigureMoment? {
        guard let day = ISODate.day(day) else { return nil }
        let numbers = day.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tenant.formats.zone
        guard let start = calendar.date(from: DateComponents(year: numbers[0], month: numbers[1], day: numbers[2])),
              let next = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return next > now ? .now(tenant, at: now) : FigureMoment(end: next, day: day, isNow: false)
    }

    /// The end of month `month` (`YYYY-MM`), or now when it is the current month.
    public static func endOf(month: String, _ tenant: Tenant, now: Date = Date()) -> FigureMoment? {
        guard month.count == 7, let year = Int(month.prefix(4)), let number = Int(month.suffix(2)), (1...12).contains(number) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let first = calendar.date(from: DateComponents(year: year, month: number, day: 1)),
              let days = calendar.range(of: .day, in: .month, for: first)?.count else { return nil }
        return endOf(day: String(format: "%04d-%02d-%02d", year, number, days), tenant, now: now)
    }
}
