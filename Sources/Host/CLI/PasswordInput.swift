import ArgumentParser

/// Reads a password from the first line of standard input (`--password-stdin`).
enum PasswordInput {
    static func read() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("--password-stdin: no password on standard input")
        }
        if let problem = PasswordHasher.problem(line) {
            throw ValidationError(problem == "account.error.password_short"
                ? "the password must have at least \(PasswordHasher.minimumLength) characters"
                : "the password must have at most \(PasswordHasher.maximumLength) bytes")
        }
        return line
    }
}
