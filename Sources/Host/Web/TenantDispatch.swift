import CivicSDK
import Foundation
import Hummingbird
import Logging

/// Handles one request for a resolved tenant (see ``HostResponder``).
struct TenantDispatch {
    let services: HostServices
    let router: RouterResponder<CivicContext>
    let methods: RouteMethods
    let entry: TenantEntry
    let root: String
    /// Path inside the tenant, always starting with `/`.
    let innerPath: String

    func respond(_ request: Request, clientAddress: String, logger: Logger) async -> Response {
        let tenant = entry.tenant
        let slug = tenant.slug
        let secure = services.config.secureCookies
        let negotiated = LocaleNegotiation.negotiate(request, offered: tenant.locales, fallback: tenant.defaultLocale)
        let visiblePath = root + innerPath
        var account: SignedInAccount?
        var csrf = ""
        var cookies: [Cookie] = []
        if negotiated.remember {
            cookies.append(SessionCookies.make(LocaleNegotiation.cookieName, value: negotiated.locale, root: root, maxAge: 31_536_000, secure: secure))
        }
        var response: Response
        do {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            let isRead = request.method == .get || request.method == .head
            let isAPI = innerPath.hasPrefix("/api/")
            // a change sent to a path that only reads is refused before any token or session is looked at
            if !isRead, methods.refuses(innerPath, method: request.method) { throw HTTPError(.methodNotAllowed) }
            if isAPI, !services.apiLimiter.admit(["\(slug)|\(clientAddress)"]) {
                var limited = ErrorPages.json(status: .tooManyRequests, message: services.renderer.text("error.title.429", module: nil, locale: negotiated.locale))
                limited.headers[.retryAfter] = "60"
                return limited
            }
            let cacheKey = "\(innerPath)\(query)|\(negotiated.locale)"
            let version = services.versions.current(slug)
            // an anonymous read served from the cache touches no database at all
            let token = request.cookies[HostResponder.sessionCookie]?.value
            let plainlyAnonymous = !SessionCookies.isToken(token) && request.headers[.authorization] == nil
            if isRead, plainlyAnonymous, !negotiated.remember, let hit = services.cache.lookup(slug, key: cacheKey, version: version) {
                services.metrics.cacheHit()
                return CachedResponse.serve(hit, to: request)
            }
            let database = try services.database(slug)
            // another system writing through the API shows a personal access token instead of a session
            var bearer = false
            if innerPath.hasPrefix("/api/"), let authorization = request.headers[.authorization] {
                guard authorization.hasPrefix("Bearer "),
                      let tokenAccount = try await database.pool.write({ db in try APITokens.authenticate(db, token: String(authorization.dropFirst(7))) })
                else {
                    var refused = ErrorPages.json(status: .unauthorized, message: services.renderer.text("api.error.token", module: nil, locale: negotiated.locale))
                    refused.headers[.wwwAuthenticate] = "Bearer"
                    return refused
                }
                account = tokenAccount
                bearer = true
            } else if SessionCookies.isToken(token), let token,
               let session = try await database.pool.read({ try AccountStore.session($0, token: token) }) {
                account = session.account
                csrf = session.csrf
            }

            if isAPI, let raw = request.uri.queryParameters["locale"], !Locales.isSupported(String(raw)) {
                throw HTTPError(.badRequest, message: "locale must be one of \(Locales.supported.joined(separator: ", "))")
            }
            // a change through the API needs a personal access token (or a signed-in session with its form token)
            if isAPI, !isRead, account == nil {
                throw HTTPError(.unauthorized, message: services.renderer.text("api.error.token", module: nil, locale: negotiated.locale))
            }
            let cacheable = isRead && account == nil && !negotiated.remember
            if cacheable, !plainlyAnonymous, let hit = services.cache.lookup(slug, key: cacheKey, version: version) {
                services.metrics.cacheHit()
                return CachedResponse.serve(hit, to: request)
            }
            // past the cache: an anonymous visitor needs a CSRF token for the forms this page may hold
            var newCSRF = false
            if account == nil {
                if let existing = request.cookies[HostResponder.csrfCookie]?.value, SessionCookies.isToken(existing) {
                    csrf = existing
                } else {
                    csrf = RandomToken.make()
                    newCSRF = true
                }
            }

            var request = request
            var form = FormData.empty
            if RequestForm.isStateChanging(request.method) {
                let locale = negotiated.locale, renderer = services.renderer
                form = try await RequestForm.read(&request, limit: services.config.maxBodyBytes, uploadLimit: services.config.maxUploadBytes,
                                                  expectedCSRF: bearer ? nil : csrf, tokenAuthenticated: bearer,
                                                  sameOrigin: account == nil && RequestForm.isSameOrigin(request),
                                                  messages: { renderer.text($0, module: nil, locale: locale) })
            }
            let source = CivicRequestSource(
                logger: logger, tenant: tenant, root: root, path: visiblePath, database: database, files: services.files(slug), account: account,
                locale: negotiated.locale, csrfToken: csrf, renderer: services.renderer, policy: services.policy, form: form,
                clientAddress: clientAddress, maxUploadSize: services.config.maxUploadBytes,
                liveFigures: { [services] in try await services.liveFigures(tenant, database: database) },
                linkTargets: { [services] in try await services.linkTargets(tenant, database: database) },
                feedback: services.feedback,
                childDigests: { [services] module in try await services.childDigests(tenant, module: module) })
            var head = request.head
            head.path = innerPath + query
            response = try await router.respond(to: Request(head: head, body: request.body), context: CivicContext(source: source))
            // the router answers unknown paths with an empty 404: give it a page in the visitor's language,
            // or a 405 when the path exists for other methods (a read of a path that only takes changes)
            if response.status == .notFound, response.headers[.contentType] == nil, methods.refuses(innerPath, method: head.method) {
                throw HTTPError(.methodNotAllowed)
            }
            if response.status.code >= 400, response.headers[.contentType] == nil { throw HTTPError(response.status) }
            // a successful change may move a figure: its month in the history follows at once
            if RequestForm.isStateChanging(head.method), response.status.code < 400 {
                do { try await services.recordFiguresAfterChange(tenant, database: database) } catch {
                    logger.error("figure history not recorded for \(slug): \(error)")
                }
            }

            if isAPI, isRead {
                // JSON API answers carry no per-visitor data: the same bytes serve every anonymous reader, from any site
                if response.status == .ok, response.headers[.cacheControl] == nil {
                    response.headers[.cacheControl] = "public, max-age=0, must-revalidate"
                }
                if response.status == .ok, let locale = request.uri.queryParameters["locale"].map(String.init),
                   response.headers[.contentType]?.hasPrefix("application/json") == true {
                    let body = try await response.body.collect()
                    let data = APILocale.apply(Data(buffer: body), locale: locale, fallbacks: tenant.locales) ?? Data(buffer: body)
                    response.body = .init(byteBuffer: ByteBuffer(bytes: data))
                    response.headers[.contentLength] = String(data.count)
                }
                response.headers[.accessControlAllowOrigin] = "*"
            }
            let shared = response.headers[.cacheControl]?.hasPrefix("public") == true
            if newCSRF && !shared {
                cookies.append(SessionCookies.make(HostResponder.csrfCookie, value: csrf, root: root, maxAge: nil, secure: secure))
            }
            if cacheable && shared && response.status == .ok && !innerPath.hasPrefix("/files/") && response.headers[.setCookie] == nil && cookies.isEmpty {
                let body = try await response.body.collect()
                let entry = CachedResponse.entry(response, body: body)
                // a write during rendering moved the version: store under the version read before, which is already stale
                services.cache.store(slug, key: cacheKey, version: version, entry: entry)
                response = CachedResponse.serve(entry, to: request)
            } else {
                try await CachedResponse.compressIfAccepted(&response, request: request)
            }
        } catch {
            var chrome = services.renderer.chrome(tenant: tenant, root: root, path: visiblePath, locale: negotiated.locale)
            chrome.account = account
            chrome.csrf = csrf
            response = ErrorPages.response(for: error, api: innerPath.hasPrefix("/api/"),
                                             changing: RequestForm.isStateChanging(request.method), chrome: chrome, renderer: services.renderer, logger: logger)
            if response.status == .methodNotAllowed, let allow = methods.allow(innerPath) { response.headers[.allow] = allow }
        }
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
