import ArgumentParser

/// `opencommune module list|enable|disable`.
struct ModuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "module", abstract: "Show, enable and disable a tenant's modules.",
                                                    subcommands: [List.self, Enable.self, Disable.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the modules and their state for a tenant.")
        @OptionGroup var options: GlobalOptions
        @Argument var tenant: String

        func run() async throws {
            let services = try options.services()
            let entry = try services.tenants.entry(tenant)
            for type in services.modules.manifests {
                let state = entry.modules[type.id]
                let status = state?.enabled == true ? "enabled" : state?.allowed == true ? "disabled" : "not allowed"
                print("\(type.id)\t\(status)\t\(type.title.resolve("en", fallbacks: ["fr"]))")
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a module (runs its migrations on the tenant's database).")
        @OptionGroup var options: GlobalOptions
        @Argument var tenant: String
        @Argument var module: String

        func run() async throws {
            try options.services().tenants.enable(tenant, module: module)
            print("enabled \(module) for \(tenant)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a module (its data is kept).")
        @OptionGroup var options: GlobalOptions
        @Argument var tenant: String
        @Argument var module: String

        func run() async throws {
            try options.services().tenants.disable(tenant, module: module)
            print("disabled \(module) for \(tenant); its data is kept")
        }
    }
}
