import ArgumentParser
import Foundation

extension TenantCommand {
    /// `opencommune tenant recover SLUG --on HOST [--at TIMESTAMP]`.
    struct Recover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a tenant from its replica: on another host after its own was lost, or back to an earlier time.",
            discussion: """
            On another host: the commune and its instances are restored from the replicas their lost host left (as late \
            as Litestream had copied them), checked, served there, and HAProxy's maps flipped. Refused while their host \
            still serves them (use `tenant move`). With --at, each tenant is then put back as it was at that time (on its \
            own host too: an admin deleted the wrong things an hour ago); the rewind is itself a change Litestream \
            replicates, so the state before it can be recovered as well.
            """)
        @OptionGroup var cluster: ClusterOptions
        @Argument(help: "The tenant to recover (a commune brings its instances).") var slug: String
        @Option(help: "The host to serve it from.") var on: String
        @Option(help: "ISO 8601 time to go back to, such as 2026-12-01T18:30:00Z.") var at: String?

        func run() async throws {
            var placement = try cluster.load()
            let (currentName, current) = try placement.server(of: slug)
            guard let target = placement.hosts[on] else { throw ConfigError("the placement has no host \(on)") }
            let timestamp = try at.map { text -> String in
                do { _ = try ClusterEndpoint.timestamp(text) } catch { throw ConfigError("--at: \(error)") }
                return text
            }
            if currentName == on, timestamp == nil {
                throw ConfigError("\(slug) is already served by \(on): give --at to put it back to an earlier time")
            }
            let client = try cluster.client()
            var recovered = [slug]
            if currentName != on {
                if let commune = placement.tenants[slug]?.commune { throw ConfigError("\(slug) is an instance of \(commune): recover \(commune)") }
                do {
                    if try await client.tenants(current).contains(where: { $0.slug == slug }) { throw ConfigError("\(currentName) still serves \(slug): use `opencommune tenant move \(slug) --to \(on)`") }
                } catch let failure as ClusterClient.Failure where failure.unreachable {
                    // the host is gone: its replicas are all there is
                }
                let started = ContinuousClock.now
                recovered = try await client.post(target, slug: slug, action: "adopt", query: ["from": currentName])["adopted"] as? [String] ?? [slug]
                placement.tenants[slug]?.host = on
                try MapPublisher(placement: placement).publish(only: [slug])
                try placement.save(cluster.placementPath)
                await DirectoryPublisher(placement: placement, client: client).publish()
                print("\(recovered.joined(separator: ", ")) served by \(on) again, restored from \(currentName)'s replicas in \((ContinuousClock.now - started).formatted(.units(allowed: [.milliseconds])))")
            }
            if let timestamp {
                for member in recovered {
                    try await client.post(target, slug: member, action: "rewind", query: ["at": timestamp])
                    print("\(member) on \(on) is as it was at \(timestamp)")
                }
            }
        }
    }
}
