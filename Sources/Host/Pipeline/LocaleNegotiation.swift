import CivicSDK
import Hummingbird

/// Picks the page language: `?lang=`, then the `oc_lang` cookie, then `Accept-Language`, then the default;
/// only among `offered` locales.
enum LocaleNegotiation {
    static let cookieName = "oc_lang"

    struct Result: Equatable {
        let locale: String
        /// Set when `?lang=` chose it: the cookie to remember it.
        let remember: Bool
    }

    static func negotiate(_ request: Request, offered: [String], fallback: String) -> Result {
        if let asked = request.uri.queryParameters["lang"].map(String.init), offered.contains(asked) {
            return Result(locale: asked, remember: true)
        }
        if let cookie = request.cookies[cookieName]?.value, offered.contains(cookie) {
            return Result(locale: cookie, remember: false)
        }
        if let header = request.headers[.acceptLanguage], let best = preferred(header, offered: offered) {
            return Result(locale: best, remember: false)
        }
        return Result(locale: offered.contains(fallback) ? fallback : offered.first ?? "fr", remember: false)
    }

    /// The offered locale with the highest q-value in an `Accept-Language` header.
    static func preferred(_ header: String, offered: [String]) -> String? {
        let ranked = header.split(separator: ",").enumerated().compactMap { index, part -> (String, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            let primary = String(tag.split(separator: "-").first ?? "")
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (primary, q, index)
        }
        return ranked.filter { $0.1 > 0 && offered.contains($0.0) }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.first?.0
    }
}
