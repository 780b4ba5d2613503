import Foundation

/// Tells every host which tenants every other host serves, for their portals and platform consoles
/// (after `cluster scan`, `tenant move` and `tenant recover`). A host that does not answer is
/// skipped and named; the others get the tenants of the hosts that did.
struct DirectoryPublisher {
    let placement: Placement
    let client: ClusterClient

    /// Returns the hosts that did not answer.
    @discardableResult
    func publish() async -> [String] {
        var entries: [RemoteTenant] = []
        var silent: [String] = []
        var reachable: [(String, Placement.Host)] = []
        for (name, host) in placement.hosts.sorted(by: { $0.key < $1.key }) {
            guard let tenants = try? await client.tenants(host) else { silent.append(name); continue }
            reachable.append((name, host))
            // by the placement's name for the host, which HAProxy's maps use too
            entries += tenants.map { tenant in
                var placed = tenant
                placed.host = name
                return placed
            }
        }
        for (name, host) in reachable where (try? await client.sendDirectory(host, entries)) == nil { silent.append(name) }
        if !silent.isEmpty {
            FileHandle.standardError.write(Data("warning: the portal of host(s) \(silent.joined(separator: ", ")) was not updated; run `opencommune cluster scan` when they answer\n".utf8))
        }
        return silent
    }
}
