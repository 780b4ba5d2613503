import Hummingbird

/// The key of a page in its tenant's cache: everything the page depends on besides the tenant
/// (the cache's own partition) and its content version: how the tenant was reached (its root,
/// which every link starts with), the path inside it, the query and the locale. The host name is
/// not part of it: a page depends on the host name only through its root (absolute links come
/// from the configuration, see ``PublicAddress``), and unknown host names never get this far.
enum PageCacheKey {
    static func of(_ request: Request, root: String, innerPath: String, locale: String) -> String {
        "\(root)|\(innerPath)\(request.uri.query.map { "?" + $0 } ?? "")|\(locale)"
    }
}
