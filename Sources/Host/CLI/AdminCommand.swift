import ArgumentParser

/// `opencommune admin create --email E --password-stdin`: a platform administrator.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin", abstract: "Manage platform administrators.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a platform administrator.")
        @OptionGroup var options: GlobalOptions
        @Option var email: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false

        func validate() throws {
            guard passwordStdin else { throw ValidationError("--password-stdin is required: pass the password on standard input") }
            guard AccountStore.isPlausibleEmail(AccountStore.normalizedEmail(email)) else { throw ValidationError("'\(email)' is not an e-mail address") }
        }

        func run() async throws {
            let password = try PasswordInput.read()
            let services = try options.services()
            let address = AccountStore.normalizedEmail(email)
            let hash = try await services.hasher.hash(password)
            let created = try await services.platform.pool.write { db in try PlatformAdmins.create(db, email: address, passwordHash: hash) }
            guard created else { throw PlatformError("\(address) is already a platform administrator") }
            print("created platform administrator \(address)")
        }
    }
}
