import Foundation
import GRDB

/// Text stored in several languages, keyed by locale code (`"fr"`, `"ar"`, `"en"`).
///
/// Translatable content fields are stored as a JSON object, for example
/// `{"fr": "À propos", "ar": "حول"}`, and resolved for a visitor with a fallback chain.
public struct LocalizedText: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The translations, keyed by locale code. Empty strings are treated as missing.
    public private(set) var values: [String: String]

    /// Creates a text from a locale → string dictionary, dropping blank translations.
    public init(_ values: [String: String]) {
        // Character.isWhitespace rather than Foundation's trimming: this runs for every translated
        // column of every row read, and trimming copied each string through NSString
        self.values = values.filter { !$0.value.allSatisfy(\.isWhitespace) }
    }

    /// Creates a text from a dictionary literal such as `["fr": "Bonjour", "en": "Hello"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// A text written for each of `locales` by `value` (a UI string, a date in each language's way).
    public init(each locales: [String], _ value: (String) -> String) {
        self.init(Dictionary(uniqueKeysWithValues: locales.map { ($0, value($0)) }))
    }

    /// True when no locale has a non-blank value.
    public var isEmpty: Bool { values.isEmpty }

    /// The text in `locale`, else in the first of `fallbacks` that has it, else any translation, else `""`.
    public func resolve(_ locale: String, fallbacks: [String] = []) -> String {
        if let value = values[locale] { return value }
        for fallback in fallbacks { if let value = values[fallback] { return value } }
        return values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    /// The locale actually used by ``resolve(_:fallbacks:)``, so a page can mark text shown in another language with `lang`.
    public func resolvedLocale(_ locale: String, fallbacks: [String] = []) -> String? {
        if values[locale] != nil { return locale }
        return fallbacks.first { values[$0] != nil } ?? values.keys.sorted().first
    }

    /// Returns a copy with the translation for `locale` replaced (or removed when blank).
    public func setting(_ locale: String, to value: String) -> LocalizedText {
        var copy = values
        copy[locale] = value
        return LocalizedText(copy)
    }

    /// The JSON form stored in database columns.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(values)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes the JSON form stored in database columns; malformed JSON gives an empty text.
    public init(json: String) {
        self.init(Self.parse(json) ?? [:])
    }

    /// The locale → string object of a JSON text, or `nil` when it is not one.
    static func parse(_ json: String) -> [String: String]? {
        fastParse(json) ?? (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
    }

    /// Decodes the locale → string object.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: String].self))
    }

    /// Encodes as a locale → string object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

/// Stored as its JSON text; decoded with `JSONSerialization`, several times faster than a
/// `JSONDecoder` per column when a page reads hundreds of rows.
extension LocalizedText: DatabaseValueConvertible {
    /// The JSON text stored in the column.
    public var databaseValue: DatabaseValue { json.databaseValue }

    /// Reads the JSON text of a column; `nil` (a decoding error for GRDB) when it is not a JSON object of strings.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalizedText? {
        String.fromDatabaseValue(dbValue).flatMap(parse).map(LocalizedText.init)
    }
}
