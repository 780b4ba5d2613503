import Foundation
import Hummingbird

/// The cookies the host sets, all `HttpOnly; SameSite=Lax`, scoped to the tenant's root path.
enum SessionCookies {
    /// A tenant account's session.
    static let session = "oc_session"
    /// An anonymous visitor's form token.
    static let csrf = "oc_csrf"
    /// A platform admin's session.
    static let admin = "oc_admin"

    static func make(_ name: String, value: String, root: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: root.isEmpty ? "/" : root, secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The cookie remembering a language chosen with `?lang=`, for a year.
    static func locale(_ locale: String, root: String, secure: Bool) -> Cookie {
        make(LocaleNegotiation.cookieName, value: locale, root: root, maxAge: 31_536_000, secure: secure)
    }

    /// A cookie that deletes `name`.
    static func expire(_ name: String, root: String, secure: Bool) -> Cookie {
        make(name, value: "", root: root, maxAge: 0, secure: secure)
    }

    /// Whether a cookie value has the shape of our tokens (anything else is ignored unread).
    static func isToken(_ value: String?) -> Bool {
        guard let value, value.count == 43 else { return false }
        return value.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 }
    }
}
