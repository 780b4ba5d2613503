import Foundation

/// Calendar dates as forms and exports write them (`YYYY-MM-DD`).
public enum ISODate {
    /// `raw` when it is a `YYYY-MM-DD` date that exists, between 1900 and 2200; else `nil`.
    public static func day(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard (1900...2200).contains(parts[0]), let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.day, from: date) == parts[2], calendar.component(.month, from: date) == parts[1] else { return nil }
        return text
    }

    /// Today (UTC) as `YYYY-MM-DD`.
    public static func today() -> String { day(of: Date()) }

    /// `date` (UTC) as `YYYY-MM-DD`.
    public static func day(of date: Date) -> String { date.formatted(.iso8601.year().month().day()) }
}
