import Foundation
import GRDB

/// The address a visitor without an account left to hear of the answer to their comment or
/// suggestion: kept once they ticked the box, used once they confirmed it through the link mailed to
/// it, forgotten when they stop it from a mail.
enum FeedbackContacts {
    /// A visitor without an account asked to hear of the answer at `email`: kept until confirmed.
    static func askToNotify(_ db: Database, id: Int64, email: String) throws {
        try db.execute(sql: "UPDATE feedback SET notify_email = ?, notify_confirmed_at = NULL WHERE id = ? AND account_id IS NULL", arguments: [email, id])
    }

    /// The address was confirmed through its link; false when it is not (or no longer) the one asked for.
    static func confirmNotify(_ db: Database, id: Int64, email: String, now: Date = Date()) throws -> Bool {
        try db.execute(sql: "UPDATE feedback SET notify_confirmed_at = COALESCE(notify_confirmed_at, ?) WHERE id = ? AND notify_email = ?",
                       arguments: [now, id, email])
        return db.changesCount > 0
    }

    /// The confirmed address a visitor without an account asked the answer to be mailed to.
    static func notifyAddress(_ db: Database, id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT notify_email FROM feedback WHERE id = ? AND account_id IS NULL AND notify_confirmed_at IS NOT NULL", arguments: [id])
    }

    static func stopNotifying(_ db: Database, id: Int64) throws {
        try db.execute(sql: "UPDATE feedback SET notify_email = NULL, notify_confirmed_at = NULL WHERE id = ?", arguments: [id])
    }
}
