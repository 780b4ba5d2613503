import ArgumentParser

/// `opencommune migrate [--tenant SLUG]`: applies pending core and module migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending migrations to one tenant or all.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this tenant.") var tenant: String?

    func run() async throws {
        let services = try options.services()
        let slugs = try tenant.map { [try services.tenants.entry($0).tenant.slug] } ?? services.registry.all().map(\.tenant.slug)
        for slug in slugs {
            try services.tenants.migrateAll(slug)
            print("migrated \(slug)")
        }
    }
}
