import CivicSDK
import Foundation
import GRDB

/// A comment or suggestion about to be stored.
struct NewFeedback: Sendable {
    var module: String
    var item: String
    var kind: FeedbackKind
    /// A proposal's title (see ``PublicItem/Use/proposals``); `nil` for everything else.
    var title: String? = nil
    var body: String
    var accountID: Int64?
    var authorName: String
    var authorContact: String
    var locale: String
    var channel: FeedbackChannel
    /// Staff account that typed in offline input.
    var enteredBy: Int64?
    var receivedAt: Date
    var clientKey: String
}

/// Reads and writes comments and suggestions in a tenant database. Nothing is ever deleted.
enum FeedbackStore {
    /// Whether visitors without an account may send comments (with a name and optional contact).
    static func acceptsWithoutAccount(_ db: Database) throws -> Bool { try flag(db, "feedback.without_account") }

    static func setAcceptsWithoutAccount(_ db: Database, _ on: Bool) throws { try setFlag(db, "feedback.without_account", on) }

    /// Whether an account must have confirmed its address before it writes (off: it may write at once,
    /// but hears nothing by mail until it confirms).
    static func requiresConfirmedAddress(_ db: Database) throws -> Bool { try flag(db, "feedback.confirmed_only") }

    static func setRequiresConfirmedAddress(_ db: Database, _ on: Bool) throws { try setFlag(db, "feedback.confirmed_only", on) }

    private static func flag(_ db: Database, _ key: String) throws -> Bool { try CoreSettings.value(db, key) == "1" }

    private static func setFlag(_ db: Database, _ key: String, _ on: Bool) throws { try CoreSettings.set(db, key, on ? "1" : "0") }

    /// Same text whatever its case and spacing: what duplicate detection compares.
    static func bodyHash(_ body: String) -> String {
        let normalized = body.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return Checksum.sha256(Data(normalized.utf8))
    }

    /// A per-tenant hash of a client address, so the address itself is never stored.
    static func clientKey(_ address: String, tenant: String) -> String {
        String(Checksum.sha256(Data("\(tenant)|\(address)".utf8)).prefix(24))
    }

    @discardableResult
    static func insert(_ db: Database, _ new: NewFeedback) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO feedback (module, item, kind, title, body, account_id, author_name, author_contact, locale, channel, entered_by,
                                  received_at, body_hash, client_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [new.module, new.item, new.kind.rawValue, new.title, new.body, new.accountID, new.authorName, new.authorContact,
                             new.locale, new.channel.rawValue, new.enteredBy, new.receivedAt, bodyHash(new.body), new.clientKey])
        let id = db.lastInsertedRowID
        try FeedbackSearch.index(db, id: id)
        return id
    }

    /// Whether the same text was already sent about the same item by the same account or address in the last day.
    static func isDuplicate(_ db: Database, _ new: NewFeedback, now: Date = Date()) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM feedback WHERE body_hash = ? AND received_at > ? AND module = ? AND item = ?
                           AND (account_id = ? OR (client_key = ? AND client_key <> '')))
            """, arguments: [bodyHash(new.body), now.addingTimeInterval(-86_400), new.module, new.item, new.accountID, new.clientKey]) ?? false
    }

    static func thread(_ db: Database, module: String, item: String) throws -> [FeedbackEntry] {
        try Row.fetchAll(db, sql: "SELECT \(FeedbackEntry.selection) WHERE f.module = ? AND f.item = ? ORDER BY f.received_at, f.id",
                         arguments: [module, item]).map(FeedbackEntry.init(row:))
    }

    /// An account's own comments and suggestions, newest first.
    static func byAccount(_ db: Database, accountID: Int64, limit: Int = 100) throws -> [FeedbackEntry] {
        try Row.fetchAll(db, sql: "SELECT \(FeedbackEntry.selection) WHERE f.account_id = ? ORDER BY f.received_at DESC, f.id DESC LIMIT ?",
                         arguments: [accountID, limit]).map(FeedbackEntry.init(row:))
    }

    static func entry(_ db: Database, id: Int64) throws -> FeedbackEntry? {
        try Row.fetchOne(db, sql: "SELECT \(FeedbackEntry.selection) WHERE f.id = ?", arguments: [id]).map(FeedbackEntry.init(row:))
    }

    /// Earlier wordings of an edited comment, oldest first.
    static func revisions(_ db: Database, id: Int64) throws -> [(body: String, replacedAt: Date)] {
        try Row.fetchAll(db, sql: "SELECT body, replaced_at FROM feedback_revision WHERE feedback_id = ? ORDER BY id", arguments: [id])
            .map { ($0["body"], $0["replaced_at"]) }
    }

    /// Counts per item of `module` (hidden ones included).
    static func counts(_ db: Database, module: String, items: [String]) throws -> [String: Int] {
        guard !items.isEmpty else { return [:] }
        let marks = databaseQuestionMarks(count: items.count)
        let rows = try Row.fetchAll(db, sql: "SELECT item, COUNT(*) AS n FROM feedback WHERE module = ? AND item IN (\(marks)) GROUP BY item",
                                    arguments: StatementArguments([module] + items))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["item"], $0["n"]) })
    }

    /// Replaces the text of a comment, keeping the old one.
    static func edit(_ db: Database, id: Int64, body: String, now: Date = Date()) throws {
        try db.execute(sql: "INSERT INTO feedback_revision (feedback_id, body, replaced_at) SELECT id, body, ? FROM feedback WHERE id = ?",
                       arguments: [now, id])
        try db.execute(sql: "UPDATE feedback SET body = ?, body_hash = ?, edited_at = ? WHERE id = ?", arguments: [body, bodyHash(body), now, id])
        try FeedbackSearch.index(db, id: id)
    }

    /// Records a flag; a reporter flags an entry once. Returns whether the flag is new.
    @discardableResult
    static func flag(_ db: Database, id: Int64, reporter: String, reason: String, now: Date = Date()) throws -> Bool {
        try db.execute(sql: "INSERT OR IGNORE INTO feedback_flag (feedback_id, reporter_key, reason, flagged_at) VALUES (?, ?, ?, ?)",
                       arguments: [id, reporter, reason, now])
        guard db.changesCount > 0 else { return false }
        try db.execute(sql: "UPDATE feedback SET flags = flags + 1 WHERE id = ?", arguments: [id])
        return true
    }

    static func flagReasons(_ db: Database, id: Int64) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT reason FROM feedback_flag WHERE feedback_id = ? ORDER BY flagged_at", arguments: [id])
    }

    static func hide(_ db: Database, id: Int64, reason: String, by account: Int64?, now: Date = Date()) throws {
        try db.execute(sql: "UPDATE feedback SET hidden_at = ?, hidden_reason = ?, hidden_by = ? WHERE id = ?", arguments: [now, reason, account, id])
        try FeedbackSearch.index(db, id: id)
    }

    /// Shows a hidden entry again and clears its flags, which the moderator has dealt with.
    static func unhide(_ db: Database, id: Int64) throws {
        try db.execute(sql: "UPDATE feedback SET hidden_at = NULL, hidden_reason = NULL, hidden_by = NULL, flags = 0 WHERE id = ?", arguments: [id])
        try FeedbackSearch.index(db, id: id)
    }

    /// Entries received on `items` of `module`, by channel.
    static func channels(_ db: Database, module: String, items: [String]) throws -> [String: Int] {
        guard !items.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: items.count).joined(separator: ",")
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT channel, COUNT(*) AS n FROM feedback WHERE module = ? AND item IN (\(marks)) GROUP BY channel",
                                    arguments: StatementArguments([module] + items)) {
            counts[row["channel"]] = row["n"]
        }
        return counts
    }

    /// Records (or replaces) staff's answer.
    static func respond(_ db: Database, id: Int64, outcome: FeedbackOutcome, reason: LocalizedText, target: String?,
                        accountID: Int64?, responderName: String, now: Date = Date()) throws {
        try db.execute(sql: """
            INSERT INTO feedback_response (feedback_id, outcome, reason, target, account_id, responder_name, responded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(feedback_id) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, target = excluded.target,
              account_id = excluded.account_id, responder_name = excluded.responder_name, responded_at = excluded.responded_at
            """, arguments: [id, outcome.rawValue, reason, target, accountID, responderName, now])
        try FeedbackSearch.index(db, id: id)
    }

    /// Entries for the moderation queue, newest first.
    static func queue(_ db: Database, filter: FeedbackQueueFilter, limit: Int, offset: Int) throws -> [FeedbackEntry] {
        try Row.fetchAll(db, sql: "SELECT \(FeedbackEntry.selection) WHERE \(filter.condition) ORDER BY f.received_at DESC, f.id DESC LIMIT ? OFFSET ?",
                         arguments: [limit, offset]).map(FeedbackEntry.init(row:))
    }

    /// Every entry not hidden, newest first (the public list, before keeping those about public items).
    static func shown(_ db: Database) throws -> [FeedbackEntry] {
        try Row.fetchAll(db, sql: "SELECT \(FeedbackEntry.selection) WHERE f.hidden_at IS NULL ORDER BY f.received_at DESC, f.id DESC")
            .map(FeedbackEntry.init(row:))
    }

    static func queueCount(_ db: Database, filter: FeedbackQueueFilter) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) \(FeedbackEntry.source) WHERE \(filter.condition)") ?? 0
    }
}

/// Which entries the moderation queue lists.
enum FeedbackQueueFilter: String, CaseIterable, Sendable {
    case unanswered, flagged, hidden, all

    var condition: String {
        switch self {
        case .unanswered: "f.kind = 'suggestion' AND r.feedback_id IS NULL"
        case .flagged: "f.flags > 0 AND f.hidden_at IS NULL"
        case .hidden: "f.hidden_at IS NOT NULL"
        case .all: "1"
        }
    }
}
