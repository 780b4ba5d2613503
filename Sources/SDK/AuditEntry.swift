import Foundation
import GRDB

/// One line of a tenant's audit log: who changed what, when, with old and new values.
///
/// Written in the same transaction as the change it describes (see ``CivicContext/audit(_:action:itemType:itemID:summary:changes:)``),
/// and read back to show an item's public history.
public struct AuditEntry: Codable, Sendable, FetchableRecord, PersistableRecord, Identifiable {
    /// The table, created by the host's core migration.
    public static let databaseTableName = "audit_log"

    /// Row id.
    public var id: Int64?
    /// When the change was committed.
    public var at: Date
    /// The account that made it, if any (CLI and system changes have none).
    public var accountID: Int64?
    /// The actor's display name at the time, kept even if the account goes away.
    public var actorName: String
    /// Module id (`"pages"`) or `"core"` for host changes.
    public var module: String
    /// Verb such as `"create"`, `"update"`, `"publish"`.
    public var action: String
    /// Kind of item, such as `"page"`.
    public var itemType: String
    /// The item's identifier within its type.
    public var itemID: String
    /// One-line human summary.
    public var summary: String
    /// JSON array of ``FieldChange``.
    public var changes: String

    enum CodingKeys: String, CodingKey {
        case id, at, module, action, summary, changes
        case accountID = "account_id"
        case actorName = "actor_name"
        case itemType = "item_type"
        case itemID = "item_id"
    }

    /// Columns for requests, named as the properties are.
    public enum Columns {
        /// The entry's id (entries of the same instant keep their order by it).
        public static let id = Column(CodingKeys.id)
        /// When the change was made.
        public static let at = Column(CodingKeys.at)
        /// The module that made the change.
        public static let module = Column(CodingKeys.module)
        /// The kind of item changed (`"commitment"`).
        public static let itemType = Column(CodingKeys.itemType)
        /// The item's id.
        public static let itemID = Column(CodingKeys.itemID)
    }

    /// The name kept for changes made by an account since deleted at its owner's request.
    public static let deletedAccount = "\u{1}deleted"

    /// Who made the change, as readers see it: the account's name, "the platform" in their language
    /// for changes no account made (sample content, the command line), or "deleted account".
    public func actor(_ context: CivicContext) -> String {
        guard accountID == nil else { return actorName }
        switch actorName {
        case "system": return context.text("history.system")
        case Self.deletedAccount: return context.text("history.deleted_account")
        default: return actorName
        }
    }

    /// Creates an entry; `changes` are stored as JSON.
    public init(at: Date = Date(), accountID: Int64?, actorName: String, module: String, action: String,
                itemType: String, itemID: String, summary: String, changes: [FieldChange]) {
        self.at = at
        self.accountID = accountID
        self.actorName = actorName
        self.module = module
        self.action = action
        self.itemType = itemType
        self.itemID = itemID
        self.summary = summary
        let data = (try? JSONEncoder().encode(changes)) ?? Data("[]".utf8)
        self.changes = String(decoding: data, as: UTF8.self)
    }

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The decoded field changes.
    public var fieldChanges: [FieldChange] {
        (try? JSONDecoder().decode([FieldChange].self, from: Data(changes.utf8))) ?? []
    }

    /// The history of one item, newest first.
    public static func history(_ db: Database, module: String, itemType: String, itemID: String) throws -> [AuditEntry] {
        try AuditEntry
            .filter(Columns.module == module && Columns.itemType == itemType && Columns.itemID == itemID)
            .order(Columns.at.desc, Columns.id.desc)
            .fetchAll(db)
    }
}

/// One field's value before and after a change.
public struct FieldChange: Codable, Sendable, Hashable {
    /// Field name, such as `"title.fr"`.
    public let field: String
    /// Value before the change (`nil` when created).
    public let old: String?
    /// Value after the change (`nil` when removed).
    public let new: String?

    /// Creates a change record.
    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// A snapshot of an item's fields for ``diff(old:new:)``: `plain` as given, and each translation
    /// of each named text as `name.locale`, so the public history shows which language changed.
    public static func snapshot(_ plain: [String: String], texts: [String: LocalizedText]) -> [String: String] {
        var fields = plain
        for (name, text) in texts { for (locale, value) in text.values { fields["\(name).\(locale)"] = value } }
        return fields
    }

    /// The changes between two snapshots of the same fields, skipping unchanged ones.
    public static func diff(old: [String: String], new: [String: String]) -> [FieldChange] {
        Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : FieldChange(field: key, old: old[key], new: new[key])
        }
    }
}
