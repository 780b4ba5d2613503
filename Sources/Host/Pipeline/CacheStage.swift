import CivicSDK
import Hummingbird

/// Keeps what an anonymous visitor reads: serves it from the tenant's page cache when the front
/// door could not (a stale session cookie, say), stores a shared page after it is rendered, and
/// gzips what is not stored.
struct CacheStage: RouterMiddleware {
    typealias Context = CivicContext
    let cache: PageCache
    let versions: ContentVersions
    let metrics: HostMetrics
    /// Cookies that make a visitor's pages their own.
    var personalCookies = PersonalCookies([])

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        let slug = context.tenant.slug
        let path = request.uri.path
        let cacheable = (request.method == .get || request.method == .head) && context.account == nil
            && !LocaleCookieStage.chosen(request, context: context) && !personalCookies.carried(by: request)
        let key = PageCacheKey.of(request, root: context.root, innerPath: path, locale: context.locale)
        // read before rendering: a write during rendering moves it, and the page is then stored as already stale
        let version = versions.current(slug)
        // the front door already looked for a plainly anonymous visitor: look again only for one it could not judge
        if cacheable, !IdentityStage.isPlainlyAnonymous(request), let hit = cache.lookup(slug, key: key, version: version) {
            metrics.cacheHit()
            return CachedResponse.serve(hit, to: request)
        }
        var response = try await next(request, context)
        let shared = response.headers[.cacheControl]?.hasPrefix("public") == true
        if cacheable && shared && response.status == .ok && !path.hasPrefix("/files/") && response.headers[.setCookie] == nil {
            let entry = CachedResponse.entry(response, body: try await response.body.collect())
            cache.store(slug, key: key, version: version, entry: entry)
            response = CachedResponse.serve(entry, to: request)
        } else {
            try await CachedResponse.compressIfAccepted(&response, request: request)
        }
        return response
    }
}
