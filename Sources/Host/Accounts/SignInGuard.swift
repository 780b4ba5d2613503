import CivicSDK
import HummingbirdBcrypt

/// Checks a sign-in attempt, for tenant accounts and platform admins alike: refuses while the
/// address or the e-mail is rate-limited, and spends the same bcrypt time whether or not the
/// account exists, so answers do not reveal which e-mails have accounts.
struct SignInGuard: Sendable {
    enum Outcome: Equatable {
        case blocked
        case refused
        case accepted
    }

    let throttle: RateLimiter
    let hasher: PasswordHasher
    /// Compared against when the account does not exist.
    private let decoyHash: String

    init(throttle: RateLimiter, hasher: PasswordHasher) {
        self.throttle = throttle
        self.hasher = hasher
        decoyHash = Bcrypt.hash(RandomToken.make(), cost: hasher.cost)
    }

    /// `scope` keeps counters apart per tenant (or `platform`).
    func check(scope: String, clientAddress: String, email: String, password: String, storedHash: String?) async throws -> Outcome {
        let keys = ["\(scope)|ip|\(clientAddress)", "\(scope)|email|\(email)"]
        if throttle.isBlocked(keys) { return .blocked }
        let matches = try await hasher.verify(password, hash: storedHash ?? decoyHash)
        guard matches, storedHash != nil else {
            throttle.record(keys)
            return .refused
        }
        throttle.reset([keys[1]])
        return .accepted
    }
}
