import GRDB

/// A tenant's own SQLite database, as handed to modules.
///
/// Every `write` tells the host that the tenant's public content changed, so its page cache
/// is dropped. Reads and writes never reach another tenant's file.
public struct TenantDatabase: Sendable {
    /// The underlying pool (WAL, foreign keys on). Prefer ``read(_:)`` and ``write(_:)``.
    public let pool: DatabasePool
    private let contentChanged: @Sendable () -> Void

    /// Wraps `pool`; `contentChanged` is called after each committed write.
    public init(pool: DatabasePool, contentChanged: @escaping @Sendable () -> Void) {
        self.pool = pool
        self.contentChanged = contentChanged
    }

    /// Runs `block` in a read-only transaction.
    public func read<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(block)
    }

    /// Runs `block` in a write transaction, then invalidates the tenant's cached pages.
    public func write<T: Sendable>(_ block: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await pool.write(block)
        contentChanged()
        return result
    }
}
