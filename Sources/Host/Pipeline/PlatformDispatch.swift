import CivicSDK
import Foundation
import GRDB
import Hummingbird
import Logging

/// Handles a request that names no tenant: the platform portal, console, health and metrics.
struct PlatformDispatch {
    let services: HostServices
    let router: RouterResponder<PlatformContext>

    static let csrfCookie = "oc_admin_csrf"
    static let cookiePath = "/admin"

    func respond(_ request: Request, clientAddress: String, logger: Logger) async -> Response {
        let path = request.uri.path
        let negotiated = LocaleNegotiation.negotiate(request, offered: Locales.supported, fallback: services.config.defaultLocale)
        let secure = services.config.secureCookies
        var chrome = Chrome(locale: negotiated.locale, tenant: nil, root: "", path: path, account: nil, csrf: "", modules: [], parent: nil)
        var cookies: [Cookie] = []
        if negotiated.remember {
            cookies.append(SessionCookies.locale(negotiated.locale, root: "", secure: secure))
        }
        var response: Response
        do {
            var admin: PlatformAdmin?
            var csrf: String
            var newCSRF = false
            let token = request.cookies[SessionCookies.admin]?.value
            if SessionCookies.isToken(token), let token, let row = try services.platform.pool.read({ db in
                try Row.fetchOne(db, sql: """
                    SELECT a.id, a.email, s.csrf FROM platform_session s JOIN platform_admin a ON a.id = s.admin_id
                    WHERE s.token = ? AND s.expires_at > ?
                    """, arguments: [token, Date()])
            }) {
                admin = PlatformAdmin(id: row["id"], email: row["email"])
                csrf = row["csrf"]
            } else if let existing = request.cookies[Self.csrfCookie]?.value, SessionCookies.isToken(existing) {
                csrf = existing
            } else {
                csrf = RandomToken.make()
                newCSRF = true
            }
            chrome.csrf = csrf
            chrome.platformAdmin = admin != nil
            var request = request
            var form = FormData.empty
            if RequestForm.isStateChanging(request.method) {
                let locale = negotiated.locale, renderer = services.renderer
                form = try await RequestForm.read(&request, limit: services.config.maxBodyBytes, uploadLimit: services.config.maxUploadBytes, expectedCSRF: csrf,
                                                  messages: { renderer.text($0, module: nil, locale: locale) })
            }
            var source = PlatformRequestSource(logger: logger, path: path, locale: negotiated.locale, admin: admin, csrfToken: csrf,
                                               form: form, clientAddress: clientAddress)
            source.notice = Notice.from(query: request.uri.query)
            response = try await router.respond(to: request, context: PlatformContext(source: source))
            if response.status.code >= 400, response.headers[.contentType] == nil { throw HTTPError(response.status) }
            if newCSRF && response.headers[.cacheControl]?.hasPrefix("public") != true {
                cookies.append(SessionCookies.make(Self.csrfCookie, value: csrf, root: Self.cookiePath, maxAge: nil, secure: secure))
            }
            try await CachedResponse.compressIfAccepted(&response, request: request)
        } catch {
            response = ErrorPages.response(for: error, api: path.hasPrefix("/api/"),
                                             changing: RequestForm.isStateChanging(request.method), chrome: chrome, renderer: services.renderer, logger: logger)
        }
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
