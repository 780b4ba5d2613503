import Foundation

/// Dates and times as people of each language write them, in the tenant's time zone:
/// "1 décembre 2026", "1 دجنبر 2026", "1 December 2026"; with the time, "1 décembre 2026 à 15:05".
/// Stored instants stay UTC; forms read wall-clock times in the tenant's zone (``instant(local:)``).
/// CSV, JSON and the API keep ISO 8601.
public struct DateText: Sendable {
    /// The page's language.
    public let locale: String
    /// The tenant's conventions (zone, Arabic months and digits).
    public let formats: TenantFormats
    /// The tenant's time zone.
    public let zone: TimeZone

    /// Dates for a page in `locale` of a tenant with `formats`.
    public init(locale: String, formats: TenantFormats) {
        self.locale = locale
        self.formats = formats
        zone = formats.zone
    }

    /// The ICU locale behind the words: Moroccan or Mashriq month names and the tenant's digits on
    /// Arabic pages, a 24-hour clock everywhere.
    var icuLocale: Locale {
        switch locale {
        case "ar":
            let region = formats.arabicMonths == .maghreb ? "ar_MA" : "ar"
            return Locale(identifier: "\(region)@numbers=\(formats.digits == .eastern ? "arab" : "latn");hours=h23")
        case "en": return Locale(identifier: "en_GB")
        default: return Locale(identifier: "\(locale)@hours=h23")
        }
    }

    private func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    private func style(_ zone: TimeZone) -> Date.FormatStyle {
        Date.FormatStyle(locale: icuLocale, calendar: calendar(zone), timeZone: zone)
    }

    private static let utc = TimeZone(identifier: "UTC")!

    /// The day `date` falls on in the tenant's zone.
    public func day(_ date: Date) -> TimeText {
        TimeText(datetime: isoDay(date), text: written(date.formatted(style(zone).day().month(.wide).year())))
    }

    /// A calendar day stored as `YYYY-MM-DD` (a deadline, a meeting's day); shown as given when it is not one.
    public func day(_ iso: String) -> TimeText {
        guard let date = Self.noon(of: iso) else { return TimeText(datetime: iso, text: iso) }
        return TimeText(datetime: iso, text: written(date.formatted(style(Self.utc).day().month(.wide).year())))
    }

    /// `date` with its time of day, in the tenant's zone.
    public func dateTime(_ date: Date) -> TimeText {
        TimeText(datetime: date.formatted(Date.ISO8601FormatStyle(timeZone: zone).year().month().day().time(includingFractionalSeconds: false)
                                            .timeZone(separator: .colon)),
                 text: written(date.formatted(style(zone).day().month(.wide).year().hour(.twoDigits(amPM: .omitted)).minute(.twoDigits))))
    }

    /// A wall-clock time stored as `YYYY-MM-DDTHH:MM` in the tenant's zone (a meeting's start).
    public func dateTime(local: String) -> TimeText {
        guard let date = instant(local: local) else { return TimeText(datetime: local, text: local) }
        return dateTime(date)
    }

    /// A month stored as `YYYY-MM`: "décembre 2026".
    public func month(_ iso: String) -> TimeText {
        guard let date = Self.noon(of: iso + "-01") else { return TimeText(datetime: iso, text: iso) }
        return TimeText(datetime: iso, text: date.formatted(style(Self.utc).month(.wide).year()))
    }

    /// A day that comes back every year ("31 mars", "31 مارس", "31 March").
    public func dayOfYear(month: Int, day: Int) -> String {
        guard let date = Self.noon(of: String(format: "2000-%02d-%02d", month, day)) else { return String(format: "%02d-%02d", month, day) }
        return written(date.formatted(style(Self.utc).day().month(.wide)))
    }

    /// French writes the first day of a month as an ordinal: "1er décembre 2026".
    private func written(_ text: String) -> String {
        locale == "fr" && text.hasPrefix("1 ") ? "1er" + text.dropFirst(1) : text
    }

    /// The days from `from` to `to` (`YYYY-MM-DD`, the end open when `nil`).
    public func span(_ from: String, _ to: String?) -> TimeSpan {
        TimeSpan(from: day(from), to: to.map { day($0) })
    }

    /// Today in the tenant's zone, as `YYYY-MM-DD`.
    public var today: String { isoDay(Date()) }

    /// The instant today ends in the tenant's zone (tomorrow's midnight): what a page shows of
    /// deadlines and late activities may change then.
    public var endOfToday: Date {
        let calendar = calendar(zone)
        let start = calendar.startOfDay(for: Date())
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }

    /// The day `date` falls on in the tenant's zone, as `YYYY-MM-DD`.
    public func isoDay(_ date: Date) -> String {
        let parts = calendar(zone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `date` as a `datetime-local` field shows it (`YYYY-MM-DDTHH:MM`, tenant's zone).
    public func localInput(_ date: Date) -> String {
        let parts = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The instant a `datetime-local` field's `YYYY-MM-DDTHH:MM` (or with a space, or seconds) means in
    /// the tenant's zone; `nil` when it is no real date and time. In a daylight-saving gap the clock
    /// time moves forward, as Foundation's calendar does.
    public func instant(local raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        guard text.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$", options: .regularExpression) != nil,
              let day = ISODate.day(String(text.prefix(10))) else { return nil }
        let numbers = day.split(separator: "-").compactMap { Int($0) }
        let clock = text.dropFirst(11).split(separator: ":").compactMap { Int($0) }
        guard clock[0] < 24, clock[1] < 60, clock.count < 3 || clock[2] < 60 else { return nil }
        return calendar(zone).date(from: DateComponents(year: numbers[0], month: numbers[1], day: numbers[2], hour: clock[0], minute: clock[1],
                                                        second: clock.count > 2 ? clock[2] : 0))
    }

    /// Noon UTC of a `YYYY-MM-DD` day, a moment that day holds in every zone's reading of it.
    private static func noon(of iso: String) -> Date? {
        guard let day = ISODate.day(iso) else { return nil }
        let numbers = day.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.date(from: DateComponents(year: numbers[0], month: numbers[1], day: numbers[2], hour: 12))
    }
}
