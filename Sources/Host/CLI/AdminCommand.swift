import ArgumentParser

/// `opencommune admin create --email E --password-stdin`: a platform administrator.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin", abstract: "Manage platform administrators.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a platform administrator.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var credentials: Credentials

        func run() async throws {
            let password = try credentials.password()
            let services = try options.services()
            let address = credentials.address
            let hash = try await services.hasher.hash(password)
            let created = try await services.platform.pool.write { db in try PlatformAdmins.create(db, email: address, passwordHash: hash) }
            guard created else { throw PlatformError("admin_exists", address) }
            print("created platform administrator \(address)")
        }
    }
}
