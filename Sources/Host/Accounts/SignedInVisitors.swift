import CivicSDK
import Foundation
import Synchronization

/// Signed-in visitors' sessions, and what each follows, kept in memory between their requests, so
/// a signed-in visitor served a cached page costs no database read at all.
///
/// A tenant's entries go as soon as a write to it touches a table they come from (see
/// ``WrittenTables``): a sign-out, a password change, a deactivation, a role or a name changed
/// drops its sessions; following or unfollowing drops its follows. A value read from the database
/// while such a write landed is not kept (each tenant's generation says so). A kept session is read
/// again after ``recheck`` seconds anyway: the command line (`opencommune user …`) writes from
/// another process, which this one does not hear.
final class SignedInVisitors: Sendable {
    /// The tables a session is read from.
    static let sessionTables: Set<String> = ["session", "account", "role_grant"]
    static let followTables: Set<String> = ["follow"]
    private static let limit = 20_000
    static let recheck: TimeInterval = 30

    private struct Tenant {
        var generation: UInt64 = 0
        var sessions: [String: (session: AccountStore.Session, read: Date)] = [:]
        var following: [Int64: Set<String>] = [:]
    }

    private let tenants = Mutex<[String: Tenant]>([:])

    /// A committed write to `slug` changed `tables`.
    func changed(_ slug: String, tables: Set<String>) {
        let sessions = !tables.isDisjoint(with: Self.sessionTables), follows = !tables.isDisjoint(with: Self.followTables)
        guard sessions || follows else { return }
        tenants.withLock { tenants in
            var tenant = tenants[slug] ?? Tenant()
            tenant.generation += 1
            if sessions { tenant.sessions = [:] }
            if follows { tenant.following = [:] }
            tenants[slug] = tenant
        }
    }

    /// The session of `token` if it is in memory and still good.
    func known(_ slug: String, token: String) -> AccountStore.Session? {
        let known = tenants.withLock { $0[slug]?.sessions[token] }
        let now = Date()
        guard let known, known.session.expires > now, now.timeIntervalSince(known.read) < Self.recheck else { return nil }
        return known.session
    }

    /// What `account` follows in `slug`, if it is in memory.
    func knownFollowing(_ slug: String, account: Int64) -> Set<String>? {
        tenants.withLock { $0[slug]?.following[account] }
    }

    /// The session of `token`, from memory or read by `load` (and then kept).
    func session(_ slug: String, token: String, load: () async throws -> AccountStore.Session?) async rethrows -> AccountStore.Session? {
        if let known = known(slug, token: token) { return known }
        let generation = tenants.withLock { $0[slug]?.generation ?? 0 }
        let now = Date()
        guard let session = try await load() else { return nil }
        keep(slug, readAt: generation) { tenant in
            if tenant.sessions.count >= Self.limit { tenant.sessions = [:] }
            tenant.sessions[token] = (session, now)
        }
        return session
    }

    /// Everything `account` follows in `slug`, from memory or read by `load` (and then kept).
    func following(_ slug: String, account: Int64, load: () async throws -> Set<String>) async rethrows -> Set<String> {
        let (known, generation) = tenants.withLock { ($0[slug]?.following[account], $0[slug]?.generation ?? 0) }
        if let known { return known }
        let subjects = try await load()
        keep(slug, readAt: generation) { tenant in
            if tenant.following.count >= Self.limit { tenant.following = [:] }
            tenant.following[account] = subjects
        }
        return subjects
    }

    /// Stores what was read from the database at `generation`, unless a write landed since.
    private func keep(_ slug: String, readAt generation: UInt64, _ store: (inout Tenant) -> Void) {
        tenants.withLock { tenants in
            var tenant = tenants[slug] ?? Tenant()
            guard tenant.generation == generation else { return }
            store(&tenant)
            tenants[slug] = tenant
        }
    }
}
