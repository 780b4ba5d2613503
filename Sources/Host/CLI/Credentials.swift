import ArgumentParser

/// `--email E --password-stdin`, shared by the commands that create accounts.
struct Credentials: ParsableArguments {
    @Option var email: String
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false

    func validate() throws {
        guard passwordStdin else { throw ValidationError("--password-stdin is required: pass the password on standard input") }
        guard AccountStore.isPlausibleEmail(address) else { throw ValidationError("'\(email)' is not an e-mail address") }
    }

    /// The e-mail as stored (trimmed, lower-case).
    var address: String { AccountStore.normalizedEmail(email) }

    /// Reads and checks the password from standard input.
    func password() throws -> String { try PasswordInput.read() }
}
