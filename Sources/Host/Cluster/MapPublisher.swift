import Foundation

/// Makes HAProxy route as the placement says: each changed entry is set in the running HAProxy
/// (runtime API: no reload, nothing dropped), then both map files are rewritten (for its next start).
struct MapPublisher {
    let placement: Placement

    var hostsFile: String { (placement.haproxy.maps as NSString).appendingPathComponent("hosts.map") }
    var pathsFile: String { (placement.haproxy.maps as NSString).appendingPathComponent("paths.map") }

    /// Publishes the entries of `slugs` (all when `nil`) to the running HAProxy, then writes the files.
    func publish(only slugs: Set<String>? = nil) throws {
        let runtime = HAProxyRuntime(socket: placement.haproxy.socket)
        let family = slugs.map { Set($0.flatMap(placement.family)) }
        for (key, backend) in placement.pathsMap where family?.contains(String(key.dropFirst().dropLast())) ?? true {
            try runtime.set(map: pathsFile, key: key, backend: backend)
        }
        for slug in placement.tenants.keys where family?.contains(slug) ?? true {
            guard let backend = placement.host(of: slug) else { continue }
            for name in placement.tenants[slug]?.names ?? [] { try runtime.set(map: hostsFile, key: name, backend: backend) }
        }
        try writeFiles()
    }

    /// Writes `hosts.map` and `paths.map` whole (each through a temporary file renamed over it).
    func writeFiles() throws {
        try FileManager.default.createDirectory(atPath: placement.haproxy.maps, withIntermediateDirectories: true)
        try Data(Placement.text(placement.hostsMap).utf8).write(to: URL(fileURLWithPath: hostsFile), options: .atomic)
        try Data(Placement.text(placement.pathsMap).utf8).write(to: URL(fileURLWithPath: pathsFile), options: .atomic)
    }
}
