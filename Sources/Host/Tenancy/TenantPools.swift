import CivicSDK
import Foundation
import GRDB
import Synchronization

/// Opens each tenant's `<data-dir>/<slug>/tenant.sqlite` on first use and keeps at most `capacity`
/// open, closing the least recently used. A closed pool's in-flight requests keep it alive until
/// they finish (ARC), so eviction never cuts a request short. Each pool's writer reports the tables
/// every committed transaction changed to `committed` (see ``WrittenTables``).
final class TenantPools: Sendable {
    /// A pool and the watch on its writer.
    struct Opened: Sendable {
        let pool: DatabasePool
        let written: WrittenTables
    }

    private struct State {
        var pools: [String: Opened] = [:]
        var lastUse: [String: UInt64] = [:]
        var clock: UInt64 = 0
        /// Tenants that take no change while they move to another host.
        var frozen: Set<String> = []
    }

    let dataDirectory: String
    let capacity: Int
    /// Whether Litestream replicates the databases (it checkpoints them, not the application).
    let replicated: Bool
    private let committed: @Sendable (String, Set<String>, Bool) -> Void
    private let state = Mutex(State())
    private let opening = Mutex(())

    /// The settings every database of the platform is opened with, the tenants' and `platform.sqlite`.
    ///
    /// What Litestream needs to replicate them (see deploy/litestream.yml): WAL (a `DatabasePool`
    /// always is), a busy timeout so that its short locks make writers wait instead of fail, and
    /// `synchronous=NORMAL` (durable at each checkpoint; with WAL, a crash loses no committed
    /// transaction's integrity). When `replicated`, the application never checkpoints
    /// (`wal_autocheckpoint=0`): Litestream checkpoints once it has copied the WAL, and a checkpoint
    /// of ours could move pages into the database before Litestream has read them from the WAL.
    static func configuration(replicated: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if replicated { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        return configuration
    }

    init(dataDirectory: String, capacity: Int, replicated: Bool = false, committed: @escaping @Sendable (_ slug: String, _ tables: Set<String>, _ isPublic: Bool) -> Void = { _, _, _ in }) {
        self.dataDirectory = dataDirectory
        self.capacity = max(1, capacity)
        self.replicated = replicated
        self.committed = committed
    }

    /// The folder of a tenant's files.
    func directory(_ slug: String) -> String {
        (dataDirectory as NSString).appendingPathComponent(slug)
    }

    /// Whether the tenant's database file exists.
    func exists(_ slug: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory(slug) as NSString).appendingPathComponent("tenant.sqlite"))
    }

    /// Number of pools currently open.
    var openCount: Int { state.withLock { $0.pools.count } }

    /// The tenant's pool, opened (and its core schema migrated) if needed. The file must exist unless
    /// `creating`: a registered tenant whose database went missing is unavailable, not silently emptied.
    func pool(_ slug: String, creating: Bool = false) throws -> DatabasePool {
        try opened(slug, creating: creating).pool
    }

    /// The tenant's pool with the watch on its writer, opened if needed (see ``pool(_:creating:)``).
    func opened(_ slug: String, creating: Bool = false) throws -> Opened {
        if let pool = alreadyOpen(slug) { return pool }
        // one opening at a time: two pools opened at once on one file would both run a pending
        // migration (the mail loop opens every tenant when the server starts, as the first requests arrive)
        return try opening.withLock { _ in
            if let pool = alreadyOpen(slug) { return pool }
            let opened = try open(slug, creating: creating)
            return keep(opened, slug: slug)
        }
    }

    private func alreadyOpen(_ slug: String) -> Opened? {
        state.withLock { state -> Opened? in
            guard let pool = state.pools[slug] else { return nil }
            state.clock += 1
            state.lastUse[slug] = state.clock
            return pool
        }
    }

    private func keep(_ opened: Opened, slug: String) -> Opened {
        state.withLock { state in
            state.clock += 1
            state.lastUse[slug] = state.clock
            state.pools[slug] = opened
            while state.pools.count > capacity, let oldest = state.lastUse.min(by: { $0.value < $1.value })?.key {
                state.pools[oldest] = nil
                state.lastUse[oldest] = nil
            }
            return opened
        }
    }

    /// Whether the tenant refuses changes while it moves.
    func isFrozen(_ slug: String) -> Bool { state.withLock { $0.frozen.contains(slug) } }

    /// Writes `fence` as the tenant's last row, then refuses every later change (each rolls back
    /// with ``TenantMoving``). Both happen on the pool's writer, so no change can slip in between;
    /// a tenant already frozen (a move interrupted, then run again) takes the new fence all the same.
    func freeze(_ slug: String, fence: String) throws {
        let pool = try pool(slug)
        try pool.writeWithoutTransaction { db in
            state.withLock { _ = $0.frozen.remove(slug) }
            defer { state.withLock { _ = $0.frozen.insert(slug) } }
            try db.execute(sql: "INSERT INTO handover_fence (token, written_at) VALUES (?, ?)", arguments: [fence, Date()])
        }
    }

    /// Runs `change` on the tenant's writer, the one change a frozen tenant takes: no other write
    /// can come between its start and its end (a rewind writing an earlier copy over the tenant).
    func writeWhileFrozen(_ slug: String, _ change: (Database) throws -> Void) throws {
        try pool(slug).barrierWriteWithoutTransaction { db in
            let wasFrozen = state.withLock { $0.frozen.remove(slug) != nil }
            defer { if wasFrozen { state.withLock { _ = $0.frozen.insert(slug) } } }
            try change(db)
        }
    }

    /// Takes changes again (a move that was called off).
    func thaw(_ slug: String) {
        state.withLock { _ = $0.frozen.remove(slug) }
    }

    /// Closes a tenant's pool (after its files were removed or restored).
    func release(_ slug: String) {
        state.withLock { state in
            state.pools[slug] = nil
            state.lastUse[slug] = nil
        }
    }

    /// Closes every open pool at once, even one still held elsewhere (its next use then fails): the
    /// end of a host whose services are not released with it, a test host.
    func closeAll() {
        let open = state.withLock { state -> [Opened] in
            defer { (state.pools, state.lastUse) = ([:], [:]) }
            return Array(state.pools.values)
        }
        for opened in open { try? opened.pool.close() }
    }

    private func open(_ slug: String, creating: Bool) throws -> Opened {
        let folder = directory(slug)
        guard creating || exists(slug) else {
            throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "the database of tenant \(slug) is missing")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Self.configuration(replicated: replicated)
        configuration.foreignKeysEnabled = true
        configuration.maximumReaderCount = 2
        let pool = try DatabasePool(path: (folder as NSString).appendingPathComponent("tenant.sqlite"), configuration: configuration)
        try CoreSchema.migrator.migrate(pool)
        let committed = self.committed
        let written = WrittenTables(committed: { tables, isPublic in committed(slug, tables, isPublic) },
                                    refusal: { [weak self] in self?.isFrozen(slug) == true ? StorageUnavailable(TenantMoving(slug: slug)) : nil })
        pool.add(transactionObserver: written, extent: .databaseLifetime)
        return Opened(pool: pool, written: written)
    }
}
