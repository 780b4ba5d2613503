import HTTPTypes
import Hummingbird

/// Headers every response carries.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    static let strictTransportSecurity = HTTPField.Name("Strict-Transport-Security")!

    /// The headers no route sets itself, built once (appended rather than looked up: every response pays for this).
    private static let always: [HTTPField] = [
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: HTTPField.Name("X-Frame-Options")!, value: "DENY"),
        HTTPField(name: HTTPField.Name("Referrer-Policy")!, value: "strict-origin-when-cross-origin"),
        HTTPField(name: HTTPField.Name("Permissions-Policy")!, value: "camera=(), microphone=(), geolocation=()"),
        HTTPField(name: HTTPField.Name("Cross-Origin-Opener-Policy")!, value: "same-origin"),
    ]
    private static let names = Set(always.map(\.name))

    /// Sets the headers; `strictTransportSecurity` is the configured HSTS value (none over plain http).
    static func apply(to response: inout Response, strictTransportSecurity hsts: String?) {
        if let hsts { response.headers[strictTransportSecurity] = hsts }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = contentSecurityPolicy }
        if response.headers.contains(where: { names.contains($0.name) }) {
            for field in always { response.headers[field.name] = field.value }
        } else {
            response.headers.append(contentsOf: always)
        }
    }
}
