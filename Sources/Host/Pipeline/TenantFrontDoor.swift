import CivicSDK
import Hummingbird
import Logging

/// The front door of every tenant request. It does only what must happen before any database is
/// opened: refuse a change sent to a path that only reads (405), count API calls per address (429),
/// and serve a read from the page cache to an anonymous visitor, or to a signed-in one whose session
/// is in memory. Everything else is the tenant router's stages (see ``TenantPipeline``).
struct TenantFrontDoor {
    let services: HostServices
    let router: TenantRouterHandle

    func respond(_ request: Request, address: TenantAddress, clientAddress: String, logger: Logger) async -> Response {
        let tenant = address.entry.tenant
        let negotiated = LocaleNegotiation.negotiate(request, offered: tenant.locales, fallback: tenant.defaultLocale)
        let isRead = request.method == .get || request.method == .head
        let inner = address.innerPath
        if !isRead, let methods = router.methods, methods.refuses(inner, method: request.method) {
            var refused = refusal(HTTPError(.methodNotAllowed), request: request, address: address, locale: negotiated, logger: logger)
            if let allow = methods.allow(inner) { refused.headers[.allow] = allow }
            return refused
        }
        if !isRead, services.pools.isFrozen(tenant.slug) {
            // moving to another host: refused before any work, as the database would refuse it
            return refusal(StorageUnavailable(TenantMoving(slug: tenant.slug)), request: request, address: address, locale: negotiated, logger: logger)
        }
        if address.isAPI, !services.apiLimiter.admit(["\(tenant.slug)|\(clientAddress)"]) {
            var limited = ErrorPages.json(status: .tooManyRequests, message: services.renderer.text("error.title.429", module: nil, locale: negotiated.locale))
            limited.headers[.retryAfter] = "60"
            return limited
        }
        // a read served from the cache touches no database at all
        if isRead, !negotiated.remember, !services.personalCookies.carried(by: request) {
            let key = PageCacheKey.of(request, root: address.root, innerPath: inner, locale: negotiated.locale)
            if IdentityStage.isPlainlyAnonymous(request), let hit = services.cache.lookup(tenant.slug, key: key) {
                services.metrics.cacheHit()
                return CachedResponse.serve(hit, to: request)
            }
            if let hit = signedInHit(request, tenant: tenant, key: key, api: address.isAPI) {
                services.metrics.cacheHit()
                return hit
            }
        }
        do {
            let storage = TenantStorage(database: try services.database(tenant.slug), files: services.files(tenant.slug))
            var source = CivicRequestSource(logger: logger, tenant: tenant, root: address.root, path: address.root + inner, locale: negotiated.locale,
                                            clientAddress: clientAddress, publicBase: services.publicAddress.base(of: address.entry, root: address.root),
                                            storage: storage, host: services.facilities)
            source.notice = Notice.from(query: request.uri.query)
            guard let responder = router.responder else { throw HTTPError(.serviceUnavailable) }
            var head = request.head
            head.path = inner + (request.uri.query.map { "?" + $0 } ?? "")
            return try await responder.respond(to: Request(head: head, body: request.body), context: CivicContext(source: source))
        } catch {
            return refusal(error, request: request, address: address, locale: negotiated, logger: logger)
        }
    }

    /// A cached page for a signed-in visitor whose session and follows are in memory (see ``CacheStage``).
    private func signedInHit(_ request: Request, tenant: Tenant, key: String, api: Bool) -> Response? {
        guard !api, request.headers[.authorization] == nil, let token = request.cookies[SessionCookies.session]?.value, SessionCookies.isToken(token),
              let session = services.visitors.known(tenant.slug, token: token),
              let hit = services.cache.lookup(tenant.slug, key: key + "|" + PersonalHoles.viewerKey(session.account)),
              let layout = hit.holes else { return nil }
        let subjects = PersonalHoles.subjects(layout)
        guard let following = subjects.isEmpty ? [] : services.visitors.knownFollowing(tenant.slug, account: session.account.id) else { return nil }
        return CachedResponse.serve(layout, headers: hit.headers, status: hit.status, to: request,
                                    visitor: .init(account: session.account, csrf: session.csrf, following: following))
    }

    /// An error page for a request refused before the visitor is known.
    private func refusal(_ error: any Error, request: Request, address: TenantAddress, locale: LocaleNegotiation.Result, logger: Logger) -> Response {
        let chrome = services.renderer.chrome(tenant: address.entry.tenant, root: address.root, path: address.root + address.innerPath, locale: locale.locale)
        var response = ErrorPages.response(for: error, api: address.isAPI, changing: RequestForm.isStateChanging(request.method),
                                           chrome: chrome, renderer: services.renderer, logger: logger)
        if locale.remember {
            response.setCookie(SessionCookies.locale(locale.locale, root: address.root, secure: services.config.secureCookies))
        }
        return response
    }
}
