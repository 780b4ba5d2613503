import Hummingbird

/// The key of a page in its tenant's cache: the path inside the tenant, the query and the locale.
/// The tenant (and so how it was reached) is the cache's own partition.
enum PageCacheKey {
    static func of(_ request: Request, innerPath: String, locale: String) -> String {
        "\(innerPath)\(request.uri.query.map { "?" + $0 } ?? "")|\(locale)"
    }
}
