@_spi(Host) import CivicSDK
import Hummingbird

/// Who is asking: a personal access token (API only), a session cookie, or an anonymous visitor,
/// who gets a form token of their own (set as a cookie unless the page is shared by every visitor).
/// A refused token answers 401 here; any other failure is rendered for an anonymous visitor.
struct IdentityStage: RouterMiddleware {
    typealias Context = CivicContext
    let renderer: Renderer
    let secureCookies: Bool
    let visitors: SignedInVisitors

    /// No session cookie of our shape and no `Authorization` header: nothing to look up.
    static func isPlainlyAnonymous(_ request: Request) -> Bool {
        !SessionCookies.isToken(request.cookies[SessionCookies.session]?.value) && request.headers[.authorization] == nil
    }

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        var context = context
        var newCSRF: String?
        do {
            if let refused = try await identify(request, context: &context) { return refused }
            if context.account == nil {
                if let existing = request.cookies[SessionCookies.csrf]?.value, SessionCookies.isToken(existing) {
                    context.identify(nil, csrfToken: existing, byToken: false)
                } else {
                    newCSRF = RandomToken.make()
                    context.identify(nil, csrfToken: newCSRF ?? "", byToken: false)
                }
            }
        } catch {
            let chrome = renderer.chrome(context)
            return ErrorPages.response(for: error, api: request.uri.path.hasPrefix("/api/"), changing: RequestForm.isStateChanging(request.method),
                                       chrome: chrome, renderer: renderer, logger: context.logger)
        }
        var response = try await next(request, context)
        if let newCSRF, response.headers[.cacheControl]?.hasPrefix("public") != true {
            response.setCookie(SessionCookies.make(SessionCookies.csrf, value: newCSRF, root: context.root, maxAge: nil, secure: secureCookies))
        }
        return response
    }

    /// The account of an API token, its use recorded; while the tenant moves to another host (no
    /// write taken), the token still opens the API, its use unrecorded.
    private static func authenticate(_ token: String, database: TenantDatabase) async throws -> SignedInAccount? {
        do {
            return try await database.write(.nothingPublic) { db in try APITokens.authenticate(db, token: token) }
        } catch where ErrorPages.isMoving(error) {
            return try await database.read { db in try APITokens.authenticate(db, token: token, recordingUse: false) }
        }
    }

    /// Sets the account from a bearer token (API) or a session; returns the 401 answer for a refused token.
    private func identify(_ request: Request, context: inout CivicContext) async throws -> Response? {
        if request.uri.path.hasPrefix("/api/"), let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "), let account = try await Self.authenticate(String(authorization.dropFirst(7)), database: context.database)
            else {
                var refused = ErrorPages.json(status: .unauthorized, message: renderer.text("api.error.token", module: nil, locale: context.locale))
                refused.headers[.wwwAuthenticate] = "Bearer"
                return refused
            }
            context.identify(account, csrfToken: "", byToken: true)
        } else if let token = request.cookies[SessionCookies.session]?.value, SessionCookies.isToken(token),
                  let session = try await visitors.session(context.tenant.slug, token: token, load: {
                      try await context.database.read { try AccountStore.session($0, token: token) }
                  }) {
            context.identify(session.account, csrfToken: session.csrf, byToken: false)
        }
        return nil
    }
}
