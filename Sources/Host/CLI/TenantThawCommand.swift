import ArgumentParser
import Foundation

extension TenantCommand {
    /// `opencommune tenant thaw SLUG`.
    struct Thaw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a commune take changes again after a move was interrupted (the command killed before its end).",
            discussion: "Its host, as the placement says, replicates it again and takes changes. Running the move again works too.")
        @OptionGroup var cluster: ClusterOptions
        @Argument(help: "The commune (its instances too).") var slug: String

        func run() async throws {
            let placement = try cluster.load()
            let (name, host) = try placement.server(of: slug)
            if let commune = placement.tenants[slug]?.commune { throw ConfigError("\(slug) is an instance of \(commune): thaw \(commune)") }
            try await cluster.client().post(host, slug: slug, action: "thaw")
            print("\(slug) takes changes again on \(name)")
        }
    }
}
