import Foundation

/// Which host serves which tenant: the cluster's one source of truth for routing, a JSON file kept
/// by the operator's machine next to HAProxy (`--placement`, `OPENCOMMUNE_PLACEMENT`).
///
/// Each host's registry says what it serves; the placement says where HAProxy sends each tenant,
/// and `opencommune tenant move|recover` change both together. HAProxy's maps are derived from it
/// (``hostsMap`` and ``pathsMap``), never edited by hand. An instance has no place of its own: it
/// follows its commune, so it can never be split from the commune that reads its digests.
struct Placement: Codable, Equatable, Sendable {
    struct Host: Codable, Equatable, Sendable {
        /// Where the host answers `/_cluster/` (`http://10.0.0.2:8080`).
        var url: String
    }

    struct HAProxy: Codable, Equatable, Sendable {
        /// HAProxy's runtime API (`stats socket … level admin`).
        var socket: String
        /// The folder of `hosts.map` and `paths.map`, as haproxy.cfg names them.
        var maps: String
    }

    struct Place: Codable, Equatable, Sendable {
        /// The host serving a commune; `nil` for an instance (it is where its commune is).
        var host: String?
        /// An instance's commune.
        var commune: String?
        /// Host names the tenant is served on.
        var names: [String] = []
    }

    var hosts: [String: Host]
    /// The host serving `/` (the portal) and the platform console.
    var portal: String
    var haproxy: HAProxy
    var tenants: [String: Place] = [:]

    /// The host serving `slug`, following an instance to its commune.
    func host(of slug: String) -> String? {
        guard let place = tenants[slug] else { return nil }
        if let commune = place.commune { return tenants[commune]?.host }
        return place.host
    }

    /// The host serving `slug` (an instance: its commune's), by name and address.
    func server(of slug: String) throws -> (name: String, host: Host) {
        guard let name = host(of: slug), let host = hosts[name] else { throw ConfigError("the placement has no tenant \(slug)") }
        return (name, host)
    }

    /// The commune `slug` and its instances.
    func family(_ slug: String) -> [String] {
        [slug] + tenants.filter { $0.value.commune == slug }.keys.sorted()
    }

    /// `hosts.map`: each host name a tenant is served on, and the host serving it.
    var hostsMap: [(key: String, backend: String)] {
        tenants.keys.sorted().flatMap { slug in
            (tenants[slug]?.names ?? []).sorted().compactMap { name in host(of: slug).map { (name, $0) } }
        }
    }

    /// `paths.map`: `/<slug>/` and the host serving it (matched with `map_beg` on the path with a
    /// slash added, so `/tetouan` and `/tetouan/…` match `/tetouan/`, and `/tetouan-cfeg/` does not).
    var pathsMap: [(key: String, backend: String)] {
        tenants.keys.sorted().compactMap { slug in host(of: slug).map { ("/\(slug)/", $0) } }
    }

    /// The text of a map file.
    static func text(_ entries: [(key: String, backend: String)]) -> String {
        entries.map { "\($0.key) \($0.backend)\n" }.joined()
    }

    /// Why the placement cannot be used, if it cannot.
    func problems() -> [String] {
        var problems: [String] = []
        if hosts[portal] == nil { problems.append("the portal host '\(portal)' is not among the hosts") }
        for name in hosts.keys where !ClusterSettings.isName(name) { problems.append("'\(name)' is not a host name (lower-case letters, digits, hyphens)") }
        for (slug, place) in tenants.sorted(by: { $0.key < $1.key }) {
            switch (place.host, place.commune) {
            case (let host?, nil) where hosts[host] == nil: problems.append("\(slug) is placed on unknown host '\(host)'")
            case (_?, nil): break
            case (nil, let commune?) where tenants[commune]?.host == nil: problems.append("\(slug)'s commune '\(commune)' is not placed")
            case (nil, _?): break
            default: problems.append("\(slug) must have either a host (a commune) or a commune (an instance)")
            }
        }
        return problems
    }

    static func load(_ path: String) throws -> Placement {
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigError("no placement file at \(path)") }
        let placement: Placement
        do { placement = try JSONDecoder().decode(Placement.self, from: data) } catch { throw ConfigError("\(path) is not a placement file: \(error)") }
        let problems = placement.problems()
        guard problems.isEmpty else { throw ConfigError("\(path): " + problems.joined(separator: "; ")) }
        return placement
    }

    /// Writes the file whole or not at all (a temporary file renamed over it).
    func save(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
