import GRDB

/// The append-only list of schema migrations of one module.
///
/// Each migration id is prefixed with the module id (`"pages/001-create-page"`), so two
/// modules can never collide in a tenant's migration table.
public struct ModuleMigrations: Sendable {
    /// One named migration.
    public struct Migration: Sendable {
        /// Full id, `"<module>/<name>"`.
        public let id: String
        /// The schema change.
        public let body: @Sendable (Database) throws -> Void
    }

    /// The module these migrations belong to.
    public let moduleID: String
    /// Migrations in the order they must run.
    public private(set) var list: [Migration] = []

    /// Creates an empty list for `moduleID`.
    public init(moduleID: String) { self.moduleID = moduleID }

    /// Appends a migration named `name`; never rename or remove one that has shipped.
    public mutating func add(_ name: String, _ body: @escaping @Sendable (Database) throws -> Void) {
        let id = "\(moduleID)/\(name)"
        precondition(!list.contains { $0.id == id }, "duplicate migration \(id)")
        list.append(Migration(id: id, body: body))
    }
}
