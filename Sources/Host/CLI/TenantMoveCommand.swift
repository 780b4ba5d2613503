import ArgumentParser
import Foundation

extension TenantCommand {
    /// `opencommune tenant move SLUG --to HOST`.
    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a commune and its instances to another host, with no change lost.",
            discussion: """
            The source turns the tenants read-only (a change gets 503 "nothing was saved", reads go on), writes a fence \
            row, waits until Litestream's replica holds it and stops replicating them. The target restores them from the \
            replica, checks integrity_check and the fence, and serves them. HAProxy's maps are flipped through its runtime \
            API, the placement file is rewritten, and the source releases them. Refused (exit 2) with nothing changed if \
            any step before the flip fails.
            """)
        @OptionGroup var cluster: ClusterOptions
        @Argument(help: "The commune to move (its instances go with it).") var slug: String
        @Option(help: "The host to move it to.") var to: String

        func run() async throws {
            var placement = try cluster.load()
            let (sourceName, source) = try placement.server(of: slug)
            if let commune = placement.tenants[slug]?.commune { throw ConfigError("\(slug) is an instance of \(commune): it moves with its commune, move \(commune)") }
            guard let target = placement.hosts[to] else { throw ConfigError("the placement has no host \(to)") }
            guard sourceName != to else { throw ConfigError("\(slug) is already on \(to)") }
            let client = try cluster.client()
            // HAProxy must answer before anything is frozen: the flip is the one step that cannot be undone
            _ = try HAProxyRuntime(socket: placement.haproxy.socket).show(map: MapPublisher(placement: placement).pathsFile)

            let started = ContinuousClock.now
            let frozen = try await client.post(source, slug: slug, action: "freeze")
            guard let fence = frozen["fence"] as? String else { throw ConfigError("\(sourceName) did not say which fence it wrote") }
            let fenced = ContinuousClock.now
            let adopted: [String]
            do {
                adopted = try await client.post(target, slug: slug, action: "adopt", query: ["from": sourceName, "fence": fence, "files": source.url])["adopted"] as? [String] ?? []
            } catch {
                _ = try? await client.post(source, slug: slug, action: "thaw")
                throw ConfigError("\(to) could not take \(slug), which stays on \(sourceName), taking changes again: \(error)")
            }
            let restored = ContinuousClock.now
            placement.tenants[slug]?.host = to
            try MapPublisher(placement: placement).publish(only: [slug])
            try placement.save(cluster.placementPath)
            let refused = ContinuousClock.now - started
            // requests HAProxy sent to the source just before the flip finish there first
            try await Task.sleep(for: .milliseconds(500))
            do {
                try await client.post(source, slug: slug, action: "release")
            } catch {
                throw ConfigError("\(slug) is served by \(to), but \(sourceName) did not release its frozen copy (\(error)); run again: POST /_cluster/tenants/\(slug)/release on \(sourceName)")
            }
            await DirectoryPublisher(placement: placement, client: client).publish()
            let milliseconds = { (span: Duration) in span.formatted(.units(allowed: [.milliseconds])) }
            print("moved \(adopted.joined(separator: ", ")) from \(sourceName) to \(to); changes were refused for \(milliseconds(refused)) "
                  + "(frozen and synced \(milliseconds(fenced - started)), restored and checked \(milliseconds(restored - fenced)), "
                  + "routed \(milliseconds(refused - (restored - started))))")
        }
    }
}
