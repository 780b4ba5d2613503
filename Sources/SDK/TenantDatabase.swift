import GRDB

/// What a write changes, so the host knows which cached pages it makes stale.
public enum ContentChange: Sendable {
    /// Content the public may see: once the write commits, the cached pages that read one of the
    /// tables it changed are dropped (see ``ReadLedger``), in this tenant or any other that shows it.
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
    private let name: String
    private let written: WrittenTables

    /// Wraps `pool`, the database of tenant `name`, whose writer `written` watches.
    public init(pool: DatabasePool, name: String, written: WrittenTables) {
        self.pool = pool
        self.name = name
        self.written = written
    }

    /// Runs `block` in a read-only transaction; while a page is rendered, what it reads goes in the
    /// page's ``ReadLedger``.
    public func read<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard let ledger = ReadLedger.current else { return try await pool.read(block) }
        let name = self.name
        return try await pool.read { db in try ledger.track(db, database: name, block) }
    }

    /// Runs `block` in a write transaction that changes public content: the tenant's cached pages
    /// are dropped once it commits.
    public func write<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write(.publicContent, block)
    }

    /// Runs `block` in a write transaction that changes what `change` says.
    public func write<T: Sendable>(_ change: ContentChange, _ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard change == .nothingPublic else { return try await pool.write(block) }
        let written = self.written
        return try await pool.write { db in
            let result = try block(db)
            written.markNotPublic()
            return result
        }
    }
}
