import Foundation

/// How the platform and its tenants are addressed from outside, from the configuration only: the
/// canonical URL (`server.public_url`) and each tenant's host names. Absolute links are built
/// here, never from a request's `Host` header, and a request for a host name the server does not
/// serve is refused before it can reach a page or the cache.
struct PublicAddress: Sendable {
    /// The canonical URL, without a trailing slash.
    let base: String
    let scheme: String
    /// `:8080` when the canonical URL names a port (tenant host names are served on the same one), else `""`.
    private let port: String
    /// Host names (lowercased, without port) the platform answers to besides the tenants' own.
    private let names: Set<String>

    init(config: ServerConfig) {
        base = config.canonicalURL
        scheme = config.canonicalScheme
        let components = URLComponents(string: base)
        let canonical = components?.host.map { $0.lowercased() }
        port = components?.port.map { ":\($0)" } ?? ""
        names = Set([canonical, config.hostname.lowercased(), "localhost", "127.0.0.1", "::1"].compactMap { $0 })
    }

    /// Whether a request's authority (`Host`) names this server: no authority (HTTP/1.0), the
    /// canonical or listening host name, loopback, or a tenant's own host name.
    func serves(_ authority: String?, registry: TenantRegistry) -> Bool {
        guard let authority, !authority.isEmpty else { return true }
        let name = Self.hostName(authority)
        return names.contains(name) || registry.entry(forHost: name) != nil
    }

    /// The absolute address of a tenant's root: its first host name when it was reached by host
    /// name (`root` empty), else the canonical URL followed by `root`.
    func base(of entry: TenantEntry, root: String) -> String {
        if root.isEmpty, let host = entry.hosts.first { return "\(scheme)://\(host)\(port)" }
        return base + root
    }

    /// The absolute address of a tenant outside any request (mail sent by the worker): its first
    /// host name if it has one, else its path under the canonical URL.
    func base(of entry: TenantEntry) -> String {
        base(of: entry, root: entry.hosts.isEmpty ? "/\(entry.tenant.slug)" : "")
    }

    /// `Example.org:8080` → `example.org`; `[::1]:8080` → `::1`.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<end])
        }
        return String(lowered.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
