import CivicSDK
import Foundation
import GRDB

/// What an account wants to be told by mail, per kind of notification. Nothing stored means at once;
/// "never" is set from the account page or by the one-click unsubscribe link of a mail.
enum MailPreferences {
    /// The kinds of notification there are.
    enum Kind: String, Sendable, CaseIterable {
        /// Staff answered, or moderation hid, one of the account's comments or suggestions.
        case feedbackUpdates = "feedback_updates"
        /// (Staff who answer) a suggestion arrived and waits for an answer.
        case staffSuggestions = "staff_suggestions"
        /// (Moderators) a comment or suggestion was flagged.
        case staffFlags = "staff_flags"
    }

    enum Mode: String, Sendable { case immediate, never }

    /// The kinds an account may get: answers to its own texts, and what its staff roles handle.
    static func kinds(for context: CivicContext) -> [Kind] {
        [.feedbackUpdates] + (context.can("core.respond") ? [.staffSuggestions] : []) + (context.can("core.moderate") ? [.staffFlags] : [])
    }

    /// Whether the account gets `kind` now: an active account with a confirmed address that did not turn it off.
    static func wants(_ db: Database, accountID: Int64, kind: Kind) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT a.confirmed_at IS NOT NULL AND COALESCE(p.mode, 'immediate') = 'immediate'
            FROM account a LEFT JOIN mail_preference p ON p.account_id = a.id AND p.kind = ? WHERE a.id = ? AND a.deactivated_at IS NULL
            """, arguments: [kind.rawValue, accountID]) ?? false
    }

    static func mode(_ db: Database, accountID: Int64, kind: Kind) throws -> Mode {
        try String.fetchOne(db, sql: "SELECT mode FROM mail_preference WHERE account_id = ? AND kind = ?", arguments: [accountID, kind.rawValue])
            .flatMap(Mode.init) ?? .immediate
    }

    static func set(_ db: Database, accountID: Int64, kind: Kind, mode: Mode) throws {
        try db.execute(sql: """
            INSERT INTO mail_preference (account_id, kind, mode) VALUES (?, ?, ?)
            ON CONFLICT(account_id, kind) DO UPDATE SET mode = excluded.mode
            """, arguments: [accountID, kind.rawValue, mode.rawValue])
    }
}
