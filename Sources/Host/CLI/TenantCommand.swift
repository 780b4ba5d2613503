import ArgumentParser
import CivicSDK
import Foundation

extension Tenant.Kind: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}

/// `opencommune tenant create|list`.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tenant", abstract: "Create, list, move and recover tenants.",
                                                    subcommands: [Create.self, List.self, Move.self, Recover.self, Thaw.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a commune or a consultative instance.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "URL name: lower-case letters, digits, hyphens.") var slug: String
        @Option(help: "Display name (used for every locale until translated in the console).") var name: String
        @Option(help: "commune or instance.") var kind: Tenant.Kind = .commune
        @Option(help: "Slug of the parent commune (instances only).") var parent: String?
        @Option(name: .customLong("host"), help: "Host name that serves this tenant (repeatable).") var hosts: [String] = []
        @Option(name: .customLong("locale"), help: "Offered locale, first is the default (repeatable; default fr ar en).") var locales: [String] = []
        @Option(help: "IANA time zone of a commune (an instance takes its commune's).") var timeZone = TenantFormats.moroccan.timeZone

        func run() async throws {
            let services = try options.services()
            let offered = locales.isEmpty ? ["fr", "ar", "en"] : locales
            var formats = TenantFormats.moroccan
            formats.timeZone = timeZone
            try services.tenants.create(.init(slug: slug, name: LocalizedText(Dictionary(offered.map { ($0, name) }, uniquingKeysWith: { a, _ in a })),
                                              kind: kind, parent: parent, hosts: hosts.map { $0.lowercased() }, locales: offered, formats: formats))
            print("created \(kind.rawValue) \(slug)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants.")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        struct Item: Encodable {
            let slug: String, kind: String, parent: String?, name: [String: String], locales: [String], hosts: [String], modules: [String]
        }

        func run() async throws {
            let services = try options.services()
            let items = services.registry.all().map { entry in
                Item(slug: entry.tenant.slug, kind: entry.tenant.kind.rawValue, parent: entry.tenant.parentSlug, name: entry.tenant.name.values,
                     locales: entry.tenant.locales, hosts: entry.hosts, modules: services.modules.ids.filter { entry.isEnabled($0) })
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(items), as: UTF8.self))
            } else {
                for item in items {
                    let name = item.name[item.locales.first ?? "fr"] ?? item.slug
                    print([item.slug, item.kind, item.parent ?? "-", name, item.modules.joined(separator: ",")].joined(separator: "\t"))
                }
            }
        }
    }
}
