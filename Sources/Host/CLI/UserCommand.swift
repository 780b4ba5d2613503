import ArgumentParser
import CivicSDK

/// `opencommune user create TENANT --email E --role R --password-stdin`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage a tenant's accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account with a role in a tenant.")
        @OptionGroup var options: GlobalOptions
        @Argument var tenant: String
        @OptionGroup var credentials: Credentials
        @Option(help: "admin, editor, moderator or citizen.") var role: Role
        @Option(help: "Name shown on pages (default: the part of the e-mail before @).") var name: String?

        func run() async throws {
            let password = try credentials.password()
            let services = try options.services()
            _ = try services.tenants.entry(tenant)
            let address = credentials.address
            let hash = try await services.hasher.hash(password)
            let display = name ?? String(address.split(separator: "@").first ?? "")
            let role = self.role
            let created = try await services.database(tenant).write(.nothingPublic) { db in
                try AccountStore.create(db, email: address, displayName: display, passwordHash: hash, grants: [RoleGrant(role)])
            }
            guard created != nil else { throw PlatformError("account_exists", address, tenant) }
            print("created \(role.rawValue) \(address) in \(tenant)")
        }
    }
}
