/// Which tenant a request is for and how it was reached: its root (`/{slug}` by path, `""` by host
/// name) and the path inside it.
struct TenantAddress: Sendable {
    let entry: TenantEntry
    let root: String
    /// Path inside the tenant, always starting with `/`.
    let innerPath: String

    /// The tenant a request is for: by host name first, then by first path segment; `nil` for the platform.
    init?(host: String?, path: String, registry: TenantRegistry) {
        if let host, let entry = registry.entry(forHost: host) {
            self.init(entry: entry, root: "", innerPath: path.isEmpty ? "/" : path)
            return
        }
        let segments = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard segments.count >= 2, let entry = registry.entry(String(segments[1].split(separator: "/").first ?? "")) else {
            return nil
        }
        let rest = String(path.dropFirst(entry.tenant.slug.count + 1))
        self.init(entry: entry, root: "/\(entry.tenant.slug)", innerPath: rest.isEmpty ? "/" : rest)
    }

    init(entry: TenantEntry, root: String, innerPath: String) {
        self.entry = entry
        self.root = root
        self.innerPath = innerPath
    }

    var isAPI: Bool { innerPath.hasPrefix("/api/") }
}
