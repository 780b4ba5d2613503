@_spi(Host) import CivicSDK
import Foundation
import HTTPTypes
import Hummingbird

/// Keeps rendered pages for everyone who reads them: anonymous visitors (when the front door could
/// not serve them already: a stale session cookie, say) and signed-in visitors, who share the pages
/// of visitors with the same roles, their own name, form token and follow buttons filled in at serve
/// time (see ``PersonalHoles``).
///
/// A page is stored with what its rendering read (``ReadLedger``) and dropped by the next write to
/// any of it. Visitors asking for a page being rendered wait for that rendering (``RenderFlights``).
/// What is not stored is gzipped when the client accepts it.
struct CacheStage: RouterMiddleware {
    typealias Context = CivicContext
    let cache: PageCache
    let versions: ContentVersions
    let flights: RenderFlights
    let visitors: SignedInVisitors
    let metrics: HostMetrics
    /// Cookies that make a visitor's pages their own.
    var personalCookies = PersonalCookies([])

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        let slug = context.tenant.slug
        let path = request.uri.path
        // the API answers a signed-in visitor in JSON, where a filled hole would need other escaping: it is not kept for them
        let cacheable = (request.method == .get || request.method == .head) && !(context.account != nil && path.hasPrefix("/api/"))
            && !LocaleCookieStage.chosen(request, context: context) && !personalCookies.carried(by: request)
        guard cacheable else {
            var response = try await next(request, context)
            try await CachedResponse.compressIfAccepted(&response, request: request)
            return response
        }
        // the front door builds the same key for a signed-in visitor whose session is in memory
        let viewer = context.account.map(PersonalHoles.viewerKey)
        let key = PageCacheKey.of(request, root: context.root, innerPath: path, locale: context.locale) + (viewer.map { "|" + $0 } ?? "")
        // the front door already looked for a plainly anonymous visitor: look again only for one it could not judge
        if viewer != nil || !IdentityStage.isPlainlyAnonymous(request), let hit = cache.lookup(slug, key: key) {
            metrics.cacheHit()
            return try await serve(hit, to: request, context: context)
        }
        let flight = "\(slug)|\(key)"
        if case .landed(let shared) = await flights.join(flight) {
            if let shared, cache.isCurrent(shared) { return try await serve(shared, to: request, context: context) }
            return try await renderOnce(request, context: context, key: key, next: next).response
        }
        do {
            let (response, entry) = try await renderOnce(request, context: context, key: key, next: next)
            flights.land(flight, with: entry)
            return response
        } catch {
            flights.land(flight, with: nil)
            throw error
        }
    }

    /// Renders the page recording what it reads, with holes for a signed-in visitor; stores it when
    /// it is the same for everyone it is keyed for.
    private func renderOnce(_ request: Request, context: CivicContext, key: String,
                            next: (Request, CivicContext) async throws -> Response) async throws -> (response: Response, entry: PageCache.Entry?) {
        let renderedAfter = versions.now
        let ledger = ReadLedger()
        var rendering = context
        var holes: PersonalHoles?
        if let account = context.account {
            holes = PersonalHoles()
            rendering.identify(PersonalHoles.masked(account), csrfToken: PersonalHoles.csrf, byToken: false)
        }
        var response = try await ReadLedger.$current.withValue(ledger) {
            try await PersonalHoles.$current.withValue(holes) { try await next(request, rendering) }
        }
        let html = response.headers[.contentType]?.hasPrefix("text/html") == true
        let shared = response.headers[.cacheControl]?.hasPrefix("public") == true && response.status == .ok
            && !request.uri.path.hasPrefix("/files/") && response.headers[.setCookie] == nil
        guard shared || (holes != nil && html) else {
            try await CachedResponse.compressIfAccepted(&response, request: request)
            return (response, nil)
        }
        var entry = CachedResponse.entry(response, body: try await response.body.collect(), holes: holes)
        guard shared else {
            // a page for this visitor alone: filled and sent, with any cookie it sets
            var personal = try await serve(entry, to: request, context: context)
            for cookie in response.headers[values: .setCookie] { personal.headers.append(HTTPField(name: .setCookie, value: cookie)) }
            return (personal, nil)
        }
        entry.reads = Array(ledger.tables)
        entry.renderedAfter = renderedAfter
        entry.expires = context.dates.endOfToday.timeIntervalSinceReferenceDate
        cache.store(context.tenant.slug, key: key, entry: entry)
        return (try await serve(entry, to: request, context: context), entry)
    }

    /// A stored page as this visitor gets it: as is, or with their own parts filled in.
    private func serve(_ entry: PageCache.Entry, to request: Request, context: CivicContext) async throws -> Response {
        guard let layout = entry.holes, let account = context.account else { return CachedResponse.serve(entry, to: request) }
        let subjects = PersonalHoles.subjects(layout)
        let following = subjects.isEmpty ? [] : try await visitors.following(context.tenant.slug, account: account.id) {
            try await context.database.read { db in try Follows.subjects(db, accountID: account.id) }
        }
        return CachedResponse.serve(layout, headers: entry.headers, status: entry.status, to: request,
                                    visitor: .init(account: account, csrf: context.csrfToken, following: following))
    }
}
