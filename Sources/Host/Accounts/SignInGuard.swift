import CivicSDK
import HummingbirdBcrypt

/// Checks a sign-in attempt, for tenant accounts and platform admins alike. It throttles the one
/// who fails, not the account's owner:
/// - an address that failed `attempts` times on one account may not try that account again for a while;
/// - an address that failed `4 × attempts` times on any accounts (password spraying) may not try any;
/// - an account that failed `10 × attempts` times from many addresses is tried only from addresses
///   that have not failed on it, so its owner, from their own address, still signs in.
/// It spends the same bcrypt time whether or not the account exists, so answers do not reveal
/// which e-mails have accounts.
struct SignInGuard: Sendable {
    enum Outcome: Equatable {
        case blocked
        case refused
        case accepted
    }

    private let perPair: RateLimiter
    private let perAddress: RateLimiter
    private let perAccount: RateLimiter
    let hasher: PasswordHasher
    /// Compared against when the account does not exist.
    private let decoyHash: String

    init(attempts: Int, windowSeconds: Double, hasher: PasswordHasher) {
        perPair = RateLimiter(limit: attempts, window: windowSeconds)
        perAddress = RateLimiter(limit: attempts * 4, window: windowSeconds)
        perAccount = RateLimiter(limit: attempts * 10, window: windowSeconds)
        self.hasher = hasher
        decoyHash = Bcrypt.hash(RandomToken.make(), cost: hasher.cost)
    }

    /// `scope` keeps counters apart per tenant (or `platform`).
    func check(scope: String, clientAddress: String, email: String, password: String, storedHash: String?) async throws -> Outcome {
        let address = "\(scope)|\(clientAddress)", account = "\(scope)|\(email)", pair = "\(scope)|\(clientAddress)|\(email)"
        if perPair.isBlocked([pair]) || perAddress.isBlocked([address]) { return .blocked }
        if perAccount.isBlocked([account]) && !perPair.isUnused(pair) { return .blocked }
        let matches = try await hasher.verify(password, hash: storedHash ?? decoyHash)
        guard matches, storedHash != nil else {
            perPair.record([pair])
            perAddress.record([address])
            perAccount.record([account])
            return .refused
        }
        perPair.reset([pair])
        return .accepted
    }
}
