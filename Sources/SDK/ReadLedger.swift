import GRDB
import Synchronization

/// The tables a page read while it was rendered, as `"<tenant>/<table>"`, so the host keeps the
/// page cached until a write changes one of them (see ``WrittenTables``).
///
/// The host sets one as ``current`` around a page's handler; every ``TenantDatabase/read(_:)`` in
/// that task (of the tenant or of another one, such as an instance whose digest a commune shows)
/// records what its statements read. Nothing needs declaring by hand, so nothing can be forgotten.
/// A value kept in memory across requests must keep what computing it read and give it back with
/// ``replay(_:)`` whenever it is reused (see ``recording(_:)``).
public final class ReadLedger: Sendable {
    /// The ledger of the page being rendered in this task, if any.
    @TaskLocal public static var current: ReadLedger?

    /// The table name recorded for a statement SQLite could not describe: any table of its database.
    public static let anyTable = "*"

    private let reads = Mutex<Set<String>>([])

    public init() {}

    /// What was read so far.
    public var tables: Set<String> { reads.withLock { $0 } }

    /// Adds reads made elsewhere (by the computation of a value reused here).
    public func record(_ tables: Set<String>) {
        guard !tables.isEmpty else { return }
        reads.withLock { $0.formUnion(tables) }
    }

    /// Adds `tables` to the current task's ledger, if there is one.
    public static func replay(_ tables: Set<String>) { current?.record(tables) }

    /// Runs `work` recording what it reads in a ledger of its own (also added to the current one):
    /// for values kept in memory and reused, which must ``replay(_:)`` it on each reuse.
    public static func recording<T>(_ work: () async throws -> T) async rethrows -> (value: T, tables: Set<String>) {
        let own = ReadLedger()
        let value = try await $current.withValue(own) { try await work() }
        let tables = own.tables
        replay(tables)
        return (value, tables)
    }

    /// Runs `block` on `db`, recording the tables its statements read as `"<database>/<table>"`.
    func track<T>(_ db: Database, database: String, _ block: (Database) throws -> T) throws -> T {
        let statements = TracedStatements()
        db.trace(options: .statement) { event in
            if case .statement(let statement) = event { statements.sql.append(statement.sql) }
        }
        let result = Result { try block(db) }
        db.trace(options: [], nil)
        let value = try result.get()
        record(Set(try StatementTables.tables(read: statements.sql, in: db).map { "\(database)/\($0)" }))
        return value
    }
}

/// The statements a traced read ran.
private final class TracedStatements {
    var sql: [String] = []
}

/// The tables an SQL statement reads, learnt once per distinct statement from SQLite's own
/// analysis (GRDB's ``DatabaseRegion``).
enum StatementTables {
    private static let limit = 4_096
    private static let known = Mutex<[String: [String]]>([:])

    static func tables(read sql: [String], in db: Database) throws -> Set<String> {
        var tables = Set<String>()
        var unknown: [String] = []
        known.withLock { known in
            for statement in Set(sql) {
                if let found = known[statement] { tables.formUnion(found) } else { unknown.append(statement) }
            }
        }
        guard !unknown.isEmpty else { return tables }
        let candidates = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        var learnt: [String: [String]] = [:]
        for statement in unknown where !statement.hasPrefix("--") {
            guard let region = try? db.makeStatement(sql: statement).databaseRegion, !region.isFullDatabase else {
                learnt[statement] = [ReadLedger.anyTable]
                continue
            }
            learnt[statement] = candidates.filter { region.isModified(byEventsOfKind: .delete(tableName: $0)) }
        }
        for found in learnt.values { tables.formUnion(found) }
        known.withLock { known in
            // statements with values written in (rather than bound) could grow this without end
            if known.count + learnt.count > limit { known.removeAll() }
            known.merge(learnt) { $1 }
        }
        return tables
    }
}
