import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool so hashing never blocks request handling.
struct PasswordHasher: Sendable {
    let cost: UInt8
    static let minimumLength = 10
    static let maximumLength = 72  // bcrypt ignores bytes past 72

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A message key when `password` is unacceptable, else `nil`.
    static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "account.error.password_short" }
        if password.utf8.count > maximumLength { return "account.error.password_long" }
        return nil
    }
}
