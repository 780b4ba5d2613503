import GRDB

/// Watches a tenant database's writer and reports, when a write transaction commits, the tables
/// it changed: the host drops exactly the cached pages that read one of them (see ``ReadLedger``).
///
/// The host installs one on each tenant pool; ``TenantDatabase/write(_:_:)`` tells it when a
/// transaction changes nothing public (``ContentChange/nothingPublic``), which is then not reported.
public final class WrittenTables: TransactionObserver, @unchecked Sendable {
    // Touched only on the pool's writer queue, which runs one transaction at a time.
    private var pending: Set<String> = []
    private var discarded = false
    private let committed: @Sendable (Set<String>) -> Void

    /// `committed` receives the changed tables' names after each commit that changed any.
    public init(committed: @escaping @Sendable (Set<String>) -> Void) {
        self.committed = committed
    }

    /// Called by GRDB before each statement of the writer runs: the statement's table is noted, no
    /// row-by-row event is asked for (a statement that matches no row still counts, which errs on the safe side).
    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if !discarded { pending.insert(eventKind.tableName) }
        return false
    }

    public func databaseDidChange(with event: DatabaseEvent) {}

    public func databaseDidCommit(_ db: Database) {
        let tables = pending, report = !discarded
        pending = []
        discarded = false
        if report && !tables.isEmpty { committed(tables) }
    }

    public func databaseDidRollback(_ db: Database) {
        pending = []
        discarded = false
    }

    /// The transaction under way changes nothing a page shows: its tables are not reported.
    func discardCurrentTransaction() {
        discarded = true
        pending = []
    }
}
