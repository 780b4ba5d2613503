import Foundation

/// The days a generated monitoring report covers, both included (`YYYY-MM-DD`): a year, a half-year,
/// or any span staff choose, such as a mid-term review.
public struct MonitoringPeriod: Sendable, Hashable, Codable {
    /// First day covered.
    public let start: String
    /// Last day covered.
    public let end: String

    /// The period from `start` to `end`; `nil` unless both are calendar days in that order.
    public init?(start: String, end: String) {
        guard let start = ISODate.day(start), let end = ISODate.day(end), start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// Calendar year `year`.
    public static func year(_ year: Int) -> MonitoringPeriod? { MonitoringPeriod(start: "\(year)-01-01", end: "\(year)-12-31") }

    /// Whether a day, or the day an instant stored as `YYYY-MM-DD…` falls on, is within the period.
    public func contains(_ day: String) -> Bool {
        let day = String(day.prefix(10))
        return day >= start && day <= end
    }

    /// The first instant of the first day and the first instant after the last day, in the tenant's
    /// time zone: a stored instant is in the period when `from <= instant < to`.
    public func instants(_ tenant: Tenant) -> (from: Date, to: Date) {
        let dates = DateText(locale: tenant.defaultLocale, formats: tenant.formats)
        let from = dates.instant(local: start + "T00:00") ?? .distantPast
        let to = FigureMoment.endOf(day: end, tenant)?.end ?? Date()
        return (from, to)
    }

    /// The year the period ends in.
    public var year: Int { Int(end.prefix(4)) ?? 0 }
}
