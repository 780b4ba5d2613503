import GRDB

/// Watches a tenant database's writer and reports, when a write transaction commits, the tables
/// it changed: the host drops exactly the cached pages that read one of them (see ``ReadLedger``),
/// and the signed-in visitors it keeps in memory when their sessions, accounts or follows change.
///
/// The host installs one on each tenant pool; ``TenantDatabase/write(_:_:)`` tells it when a
/// transaction changes nothing public (``ContentChange/nothingPublic``), which is reported as such.
public final class WrittenTables: TransactionObserver, @unchecked Sendable {
    // Touched only on the pool's writer queue, which runs one transaction at a time.
    private var pending: Set<String> = []
    private var notPublic = false
    private let committed: @Sendable (_ tables: Set<String>, _ isPublic: Bool) -> Void
    private let refusal: @Sendable () -> (any Error)?

    /// `committed` receives the changed tables' names after each commit that changed any, and
    /// whether the change is public content. While `refusal` returns an error, every transaction
    /// is rolled back with it instead of committing (a tenant frozen while it moves to another host).
    public init(committed: @escaping @Sendable (_ tables: Set<String>, _ isPublic: Bool) -> Void,
                refusal: @escaping @Sendable () -> (any Error)? = { nil }) {
        self.committed = committed
        self.refusal = refusal
    }

    /// Called by GRDB before each statement of the writer runs: the statement's table is noted, no
    /// row-by-row event is asked for (a statement that matches no row still counts, which errs on the safe side).
    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        pending.insert(eventKind.tableName)
        return false
    }

    public func databaseDidChange(with event: DatabaseEvent) {}

    /// Throwing here makes SQLite roll the transaction back: nothing of it is stored.
    public func databaseWillCommit() throws {
        if let error = refusal() { throw error }
    }

    public func databaseDidCommit(_ db: Database) {
        let tables = pending, isPublic = !notPublic
        pending = []
        notPublic = false
        if !tables.isEmpty { committed(tables, isPublic) }
    }

    public func databaseDidRollback(_ db: Database) {
        pending = []
        notPublic = false
    }

    /// The transaction under way changes nothing a page shows.
    func markNotPublic() { notPublic = true }
}
