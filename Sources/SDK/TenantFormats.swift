import Foundation

/// How a tenant writes times and numbers: the time zone its people live in, and for Arabic pages
/// the month names and digits they read.
public struct TenantFormats: Sendable, Hashable, Codable {
    /// Digits on Arabic pages.
    public enum Digits: String, Sendable, Codable, CaseIterable {
        /// 0123456789, as used in Morocco and the rest of the Maghreb.
        case western
        /// ٠١٢٣٤٥٦٧٨٩, as used in the Mashriq.
        case eastern
    }

    /// Month names on Arabic pages.
    public enum ArabicMonths: String, Sendable, Codable, CaseIterable {
        /// يناير، فبراير … دجنبر, as written in Morocco (CLDR ar-MA).
        case maghreb
        /// يناير، فبراير … ديسمبر, as written in Egypt and the Gulf (CLDR ar).
        case mashriq
    }

    /// IANA time zone (`Africa/Casablanca`): forms read times in it, pages show times in it.
    public var timeZone: String
    /// Digits on Arabic pages.
    public var digits: Digits
    /// Month names on Arabic pages.
    public var arabicMonths: ArabicMonths

    /// Moroccan conventions: the platform's first communes are Moroccan, so a tenant starts with them
    /// and changes them in its settings.
    public static let moroccan = TenantFormats(timeZone: "Africa/Casablanca", digits: .western, arabicMonths: .maghreb)

    /// The conventions given.
    public init(timeZone: String, digits: Digits, arabicMonths: ArabicMonths) {
        self.timeZone = timeZone
        self.digits = digits
        self.arabicMonths = arabicMonths
    }

    /// The zone, UTC when its name is unknown (a registry written by a newer release, say).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// True when `identifier` names a time zone this system knows.
    public static func isKnownZone(_ identifier: String) -> Bool {
        TimeZone.knownTimeZoneIdentifiers.contains(identifier)
    }

    private enum CodingKeys: String, CodingKey { case timeZone = "time_zone", digits, arabicMonths = "arabic_months" }

    /// Reads stored conventions; a missing or unknown value keeps the Moroccan one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = Self.moroccan
        let zone = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? fallback.timeZone
        timeZone = Self.isKnownZone(zone) ? zone : fallback.timeZone
        digits = (try? container.decodeIfPresent(Digits.self, forKey: .digits)) ?? fallback.digits
        arabicMonths = (try? container.decodeIfPresent(ArabicMonths.self, forKey: .arabicMonths)) ?? fallback.arabicMonths
    }

    /// Stored form, as JSON.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads the stored JSON form; anything unreadable gives the Moroccan conventions.
    public init(json: String) {
        self = (try? JSONDecoder().decode(Self.self, from: Data(json.utf8))) ?? .moroccan
    }
}
