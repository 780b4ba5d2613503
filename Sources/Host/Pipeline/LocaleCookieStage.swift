import CivicSDK
import Hummingbird

/// Remembers a language chosen with `?lang=` in a cookie, on every answer (errors included).
/// The front door negotiated the language already: it keys the page cache.
struct LocaleCookieStage: RouterMiddleware {
    typealias Context = CivicContext
    let secureCookies: Bool

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if Self.chosen(request, context: context) {
            response.setCookie(SessionCookies.locale(context.locale, root: context.root, secure: secureCookies))
        }
        return response
    }

    /// Whether `?lang=` chose the page language (it wins whenever the tenant offers it).
    static func chosen(_ request: Request, context: CivicContext) -> Bool {
        request.uri.queryParameters["lang"].map(String.init) == context.locale
    }
}
