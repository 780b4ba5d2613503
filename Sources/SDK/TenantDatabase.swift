import GRDB

/// What a write changes, so the host knows which cached pages it makes stale.
public enum ContentChange: Sendable {
    /// Content the public may see: the tenant's cached pages (and its parent commune's, which show
    /// its digests) are dropped after the write commits.
    case publicContent
    /// Nothing a cached page shows (a session, an access token's last use, a download counter, the
    /// search index rebuilt from content already public, a figure's history row): no page is dropped.
    case nothingPublic
}

/// A tenant's own SQLite database, as handed to modules and host routes.
///
/// Every write says what it changes (public content unless told otherwise), so the host can keep its page cache true. The
/// connection pool stays inside: no caller can write around that rule. Reads and writes never
/// reach another tenant's file.
public struct TenantDatabase: Sendable {
    private let pool: DatabasePool
    private let contentChanged: @Sendable () -> Void

    /// Wraps `pool`; `contentChanged` is called after each committed write of public content.
    public init(pool: DatabasePool, contentChanged: @escaping @Sendable () -> Void) {
        self.pool = pool
        self.contentChanged = contentChanged
    }

    /// Runs `block` in a read-only transaction.
    public func read<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(block)
    }

    /// Runs `block` in a write transaction that changes public content: the tenant's cached pages
    /// are dropped once it commits.
    public func write<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write(.publicContent, block)
    }

    /// Runs `block` in a write transaction that changes what `change` says.
    public func write<T: Sendable>(_ change: ContentChange, _ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await pool.write(block)
        if change == .publicContent { contentChanged() }
        return result
    }
}
