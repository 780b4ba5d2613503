import ArgumentParser
import Foundation

/// Options of the commands that act on a cluster: the placement file and the cluster's token.
struct ClusterOptions: ParsableArguments {
    @Option(help: "Placement file (default: OPENCOMMUNE_PLACEMENT, else config/cluster.json).")
    var placement: String?

    var placementPath: String {
        placement ?? ProcessInfo.processInfo.environment["OPENCOMMUNE_PLACEMENT"].flatMap { $0.isEmpty ? nil : $0 } ?? "config/cluster.json"
    }

    func load() throws -> Placement { try Placement.load(placementPath) }

    /// The hosts' bearer token, from `OPENCOMMUNE_CLUSTER_TOKEN` (never a flag: flags show in `ps`).
    func client() throws -> ClusterClient {
        guard let token = ProcessInfo.processInfo.environment["OPENCOMMUNE_CLUSTER_TOKEN"], !token.isEmpty else {
            throw ConfigError("OPENCOMMUNE_CLUSTER_TOKEN must hold the hosts' cluster token")
        }
        return ClusterClient(token: token)
    }
}
