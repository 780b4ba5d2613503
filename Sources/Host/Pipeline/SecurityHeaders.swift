import HTTPTypes
import Hummingbird

/// Headers every response carries.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    static let strictTransportSecurity = HTTPField.Name("Strict-Transport-Security")!

    /// Sets the headers; `strictTransportSecurity` is the configured HSTS value (none over plain http).
    static func apply(to response: inout Response, strictTransportSecurity hsts: String?) {
        if let hsts { response.headers[strictTransportSecurity] = hsts }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = contentSecurityPolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "strict-origin-when-cross-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
    }
}
