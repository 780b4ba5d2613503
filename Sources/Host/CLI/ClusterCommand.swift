import ArgumentParser
import Foundation

/// `opencommune cluster map|scan|status`: the placement of tenants on hosts, and HAProxy's maps.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Tenants placed on several hosts behind HAProxy.",
                                                    subcommands: [Map.self, Scan.self, Status.self])

    struct Map: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print HAProxy's maps (hosts.map, paths.map) from the placement.")
        @OptionGroup var cluster: ClusterOptions
        @Flag(help: "Also write both files into the placement's map folder and set them in the running HAProxy.") var publish = false

        func run() async throws {
            let placement = try cluster.load()
            let publisher = MapPublisher(placement: placement)
            print("# \(publisher.hostsFile)")
            print(Placement.text(placement.hostsMap), terminator: "")
            print("# \(publisher.pathsFile)")
            print(Placement.text(placement.pathsMap), terminator: "")
            if publish { try publisher.publish() }
        }
    }

    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Place the tenants each host serves that the placement does not know yet, then publish the maps.",
            discussion: "For a new cluster, or tenants created with `opencommune tenant create` on a host. A tenant served by two hosts is refused.")
        @OptionGroup var cluster: ClusterOptions

        func run() async throws {
            var placement = try cluster.load()
            let client = try cluster.client()
            var found: [String: (host: String, place: Placement.Place)] = [:]
            for (name, host) in placement.hosts.sorted(by: { $0.key < $1.key }) {
                for tenant in try await client.tenants(host) {
                    if let other = found[tenant.slug] { throw ConfigError("\(tenant.slug) is served by both \(other.host) and \(name): release it from one first") }
                    found[tenant.slug] = (name, Placement.Place(host: tenant.parent == nil ? name : nil, commune: tenant.parent, names: tenant.hosts))
                }
            }
            for (slug, seen) in found.sorted(by: { $0.key < $1.key }) {
                if let known = placement.host(of: slug), known != seen.host {
                    throw ConfigError("the placement puts \(slug) on \(known), but \(seen.host) serves it: move it with `opencommune tenant move`")
                }
                if placement.tenants[slug] == nil { print("placed \(slug) on \(seen.host)") }
                placement.tenants[slug] = seen.place
            }
            let problems = placement.problems()
            guard problems.isEmpty else { throw ConfigError(problems.joined(separator: "; ")) }
            try placement.save(cluster.placementPath)
            try MapPublisher(placement: placement).publish()
            await DirectoryPublisher(placement: placement, client: client).publish()
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per tenant: SLUG HOST (from the placement).")
        @OptionGroup var cluster: ClusterOptions

        func run() async throws {
            let placement = try cluster.load()
            for slug in placement.tenants.keys.sorted() {
                print("\(slug) \(placement.host(of: slug) ?? "-")")
            }
        }
    }
}
