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
    }

    let dataDirectory: String
    let capacity: Int
    private let committed: @Sendable (String, Set<String>, Bool) -> Void
    private let state = Mutex(State())
    private let opening = Mutex(())

    init(dataDirectory: String, capacity: Int, committed: @escaping @Sendable (_ slug: String, _ tables: Set<String>, _ isPublic: Bool) -> Void = { _, _, _ in }) {
        self.dataDirectory = dataDirectory
        self.capacity = max(1, capacity)
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

    /// Closes a tenant's pool (after its files were removed or restored).
    func release(_ slug: String) {
        state.withLock { state in
            state.pools[slug] = nil
            state.lastUse[slug] = nil
        }
    }

    private func open(_ slug: String, creating: Bool) throws -> Opened {
        let folder = directory(slug)
        guard creating || exists(slug) else {
            throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "the database of tenant \(slug) is missing")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.maximumReaderCount = 2
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: (folder as NSString).appendingPathComponent("tenant.sqlite"), configuration: configuration)
        try CoreSchema.migrator.migrate(pool)
        let committed = self.committed
        let written = WrittenTables { tables, isPublic in committed(slug, tables, isPublic) }
        pool.add(transactionObserver: written, extent: .databaseLifetime)
        return Opened(pool: pool, written: written)
    }
}
