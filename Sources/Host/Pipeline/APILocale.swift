import CivicSDK
import Foundation

/// `?locale=xx` on the API: every translated field (an object whose keys are all locale codes) becomes
/// the text in that locale, falling back on the tenant's locales — the same rule as the pages.
enum APILocale {
    static func apply(_ json: Data, locale: String, fallbacks: [String]) -> Data? {
        guard let object = try? JSONSerialization.jsonObject(with: json) else { return nil }
        return try? JSONSerialization.data(withJSONObject: resolve(object, locale: locale, fallbacks: fallbacks),
                                           options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func resolve(_ value: Any, locale: String, fallbacks: [String]) -> Any {
        if let array = value as? [Any] { return array.map { resolve($0, locale: locale, fallbacks: fallbacks) } }
        guard let object = value as? [String: Any] else { return value }
        if !object.isEmpty, object.keys.allSatisfy(Locales.isSupported), let texts = object as? [String: String] {
            return LocalizedText(texts).resolve(locale, fallbacks: fallbacks)
        }
        return object.mapValues { resolve($0, locale: locale, fallbacks: fallbacks) }
    }
}
