import Foundation

/// `[cluster]`: this host's part in a cluster of hosts behind HAProxy, each replicated by Litestream
/// (see README, "Running on several hosts"). Absent on a single host: `/_cluster/` does not exist.
struct ClusterSettings: Sendable, Equatable {
    /// This host's name in the placement file (`a`, `b`, `rabat-1`…).
    var host: String
    /// The bearer token the `opencommune tenant move|recover` commands send to `/_cluster/`.
    var token: String
    /// Where Litestream keeps the replicas (`file:///var/lib/opencommune-replica`, `s3://bucket/prefix`):
    /// `<replica>/tenants/<slug>/tenant.sqlite` and `<replica>/hosts/<host>/platform.sqlite`, as in deploy/litestream.yml.
    var replica: String
    /// Options Litestream takes in a replica's URL, appended to each (`?endpoint=http://127.0.0.1:8333&force-path-style=true`
    /// for an S3-compatible store of one's own; empty for AWS or a folder).
    var replicaQuery = ""
    /// The `litestream` program.
    var litestream = "litestream"
    /// The control socket of this host's `litestream replicate` (`socket.path` in its configuration).
    var litestreamSocket = "/var/run/litestream.sock"

    /// The replica of a tenant's database.
    func tenantReplica(_ slug: String) -> String { "\(replica)/tenants/\(slug)/tenant.sqlite\(replicaQuery)" }

    /// The replica of a host's `platform.sqlite` (its registry: the names, modules and settings of its tenants).
    func platformReplica(of host: String) -> String { "\(replica)/hosts/\(host)/platform.sqlite\(replicaQuery)" }

    /// A host or tenant name as the replica paths and the placement take it.
    static func isName(_ text: String) -> Bool {
        (1...63).contains(text.count) && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// Reads the `[cluster]` keys, then `OPENCOMMUNE_CLUSTER_HOST`, `OPENCOMMUNE_CLUSTER_TOKEN`,
    /// `OPENCOMMUNE_CLUSTER_REPLICA`, `OPENCOMMUNE_CLUSTER_REPLICA_QUERY`, `OPENCOMMUNE_LITESTREAM` and
    /// `OPENCOMMUNE_LITESTREAM_SOCKET`; `nil` when no host name is set. A host name set without the rest is an error.
    static func resolve(host: String?, token: String?, replica: String?, replicaQuery: String? = nil, litestream: String?, socket: String?,
                        environment: [String: String]) throws -> ClusterSettings? {
        func pick(_ key: String, _ file: String?) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } ?? file }
        guard let host = pick("OPENCOMMUNE_CLUSTER_HOST", host) else { return nil }
        guard isName(host) else { throw ConfigError("cluster.host must be lower-case letters, digits and hyphens, not '\(host)'") }
        guard let token = pick("OPENCOMMUNE_CLUSTER_TOKEN", token), token.count >= 24 else {
            throw ConfigError("cluster.token (or OPENCOMMUNE_CLUSTER_TOKEN) must be set, at least 24 characters, when cluster.host is")
        }
        guard let replica = pick("OPENCOMMUNE_CLUSTER_REPLICA", replica), replica.contains("://"), !replica.contains("?") else {
            throw ConfigError("cluster.replica (or OPENCOMMUNE_CLUSTER_REPLICA) must be a replica address such as file:///var/lib/opencommune-replica or s3://bucket/prefix, its options in cluster.replica_query")
        }
        var settings = ClusterSettings(host: host, token: token, replica: replica.hasSuffix("/") ? String(replica.dropLast()) : replica)
        if let query = pick("OPENCOMMUNE_CLUSTER_REPLICA_QUERY", replicaQuery) {
            guard query.hasPrefix("?") else { throw ConfigError("cluster.replica_query must start with '?', such as ?endpoint=http://127.0.0.1:8333&force-path-style=true") }
            settings.replicaQuery = query
        }
        if let v = pick("OPENCOMMUNE_LITESTREAM", litestream) { settings.litestream = v }
        if let v = pick("OPENCOMMUNE_LITESTREAM_SOCKET", socket) { settings.litestreamSocket = v }
        return settings
    }
}
