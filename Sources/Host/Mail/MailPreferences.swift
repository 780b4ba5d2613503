import CivicSDK
import Foundation
import GRDB

/// What an account wants to be told by mail, per kind of notification: at once, in a daily or weekly
/// digest, or never. Nothing stored means at once; "never" is also set by the one-click unsubscribe
/// link of a mail.
enum MailPreferences {
    /// The kinds of notification there are.
    enum Kind: String, Sendable, CaseIterable {
        /// Staff answered, or moderation hid, one of the account's comments or suggestions.
        case feedbackUpdates = "feedback_updates"
        /// News of what the account follows (``Follows``).
        case follows
        /// (Staff who answer) a suggestion arrived and waits for an answer.
        case staffSuggestions = "staff_suggestions"
        /// (Moderators) a comment or suggestion was flagged.
        case staffFlags = "staff_flags"
    }

    enum Mode: String, Sendable, CaseIterable {
        case immediate, daily, weekly, never

        /// How long a digest of this mode waits after the previous one.
        var period: TimeInterval? {
            switch self {
            case .daily: 86_400
            case .weekly: 7 * 86_400
            case .immediate, .never: nil
            }
        }
    }

    /// The kinds an account may get: answers to its own texts, what it follows, and what its staff roles handle.
    static func kinds(for context: CivicContext) -> [Kind] {
        [.feedbackUpdates, .follows] + (context.can("core.respond") ? [.staffSuggestions] : []) + (context.can("core.moderate") ? [.staffFlags] : [])
    }

    /// How the account gets `kind` now: never for an account deactivated or whose address is not
    /// confirmed, else its choice.
    static func delivery(_ db: Database, accountID: Int64, kind: Kind) throws -> Mode {
        try String.fetchOne(db, sql: """
            SELECT CASE WHEN a.confirmed_at IS NULL OR a.deactivated_at IS NOT NULL THEN 'never' ELSE COALESCE(p.mode, 'immediate') END
            FROM account a LEFT JOIN mail_preference p ON p.account_id = a.id AND p.kind = ? WHERE a.id = ?
            """, arguments: [kind.rawValue, accountID]).flatMap(Mode.init) ?? .never
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

    /// Turns off every kind the account gets in `digest` (the one-click link of a digest).
    static func stopDigest(_ db: Database, accountID: Int64, digest: Mode) throws {
        try db.execute(sql: "UPDATE mail_preference SET mode = 'never' WHERE account_id = ? AND mode = ?", arguments: [accountID, digest.rawValue])
    }
}
