import ArgumentParser
import CivicSDK

/// `opencommune user create TENANT --email E --role R --password-stdin`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage a tenant's accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account with a role in a tenant.")
        @OptionGroup var options: GlobalOptions
        @Argument var tenant: String
        @Option var email: String
        @Option(help: "admin, editor, moderator or citizen.") var role: Role
        @Option(help: "Name shown on pages (default: the part of the e-mail before @).") var name: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false

        func validate() throws {
            guard passwordStdin else { throw ValidationError("--password-stdin is required: pass the password on standard input") }
            guard AccountStore.isPlausibleEmail(AccountStore.normalizedEmail(email)) else { throw ValidationError("'\(email)' is not an e-mail address") }
        }

        func run() async throws {
            let password = try PasswordInput.read()
            let services = try options.services()
            _ = try services.tenants.entry(tenant)
            let address = AccountStore.normalizedEmail(email)
            let hash = try await services.hasher.hash(password)
            let display = name ?? String(address.split(separator: "@").first ?? "")
            let role = self.role
            let created = try await services.database(tenant).pool.write { db in
                try AccountStore.create(db, email: address, displayName: display, passwordHash: hash, grants: [RoleGrant(role)])
            }
            guard created != nil else { throw PlatformError("an account with e-mail \(address) already exists in \(tenant)") }
            print("created \(role.rawValue) \(address) in \(tenant)")
        }
    }
}
