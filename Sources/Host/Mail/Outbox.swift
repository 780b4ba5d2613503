import Foundation
import GRDB

/// A tenant's mail waiting to leave, and the log of what left. A mail is written in the same
/// transaction as the change that causes it, so a crash never loses one nor sends one for a change
/// that did not happen; ``MailDelivery`` sends it afterwards, retrying with a growing delay.
enum Outbox {
    enum Status: String, Sendable { case queued, sent, failed }

    /// One stored mail.
    struct Entry: Sendable {
        let id: Int64
        let recipient: String
        let subject: String
        let message: String
        let status: Status
        let attempts: Int
        let lastError: String?
        let createdAt: Date
        let sentAt: Date?
    }

    /// Attempts before a mail is given up (about a day and a half of retries).
    static let maxAttempts = 8

    /// Queues `mail` inside the caller's transaction; `kind` says why it is sent (`password_reset`).
    @discardableResult
    static func enqueue(_ db: Database, _ mail: MailMessage, kind: String, now: Date = Date()) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO outbox (recipient, subject, kind, message, status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, 'queued', 0, ?, ?)
            """, arguments: [mail.to, mail.subject, kind, mail.rfc5322, now, now])
        return db.lastInsertedRowID
    }

    /// Queued mail whose time has come, oldest first.
    static func due(_ db: Database, now: Date = Date(), limit: Int = 100) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                         arguments: [now, limit]).map(entry)
    }

    /// Whether anything is queued at all (due or not).
    static func hasQueued(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE status = 'queued')") ?? false
    }

    /// The mail left; the digest lines it carried are done with.
    static func markSent(_ db: Database, id: Int64, answer: String, now: Date = Date()) throws {
        try db.execute(sql: "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = ? WHERE id = ?",
                       arguments: [now, answer, id])
        try db.execute(sql: "DELETE FROM digest_item WHERE outbox_id = ?", arguments: [id])
    }

    /// A failed attempt: tried again after 1, 2, 4… minutes (at most 8 hours), given up after
    /// ``maxAttempts``; a digest given up gives its lines back to the next one.
    /// Returns whether the mail was given up.
    @discardableResult
    static func markFailedAttempt(_ db: Database, id: Int64, error: String, now: Date = Date()) throws -> Bool {
        let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM outbox WHERE id = ?", arguments: [id]) ?? 0) + 1
        if attempts >= maxAttempts { try DigestItems.giveBack(db, outboxID: id) }
        let delay = min(60.0 * pow(2.0, Double(attempts - 1)), 8 * 3_600)
        try db.execute(sql: "UPDATE outbox SET attempts = ?, last_error = ?, status = ?, next_attempt_at = ? WHERE id = ?",
                       arguments: [attempts, String(error.prefix(500)), attempts >= maxAttempts ? Status.failed.rawValue : Status.queued.rawValue,
                                   now.addingTimeInterval(delay), id])
        return attempts >= maxAttempts
    }

    /// A `LIKE … ESCAPE '\'` pattern matching the recipient `Name <email>` of mail to `email`.
    static func recipientPattern(_ email: String) -> String {
        "%<" + email.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + ">"
    }

    /// The newest mail first, for the delivery log.
    static func latest(_ db: Database, limit: Int = 100) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id DESC LIMIT ?", arguments: [limit]).map(entry)
    }

    private static func entry(_ row: Row) -> Entry {
        Entry(id: row["id"], recipient: row["recipient"], subject: row["subject"], message: row["message"],
              status: Status(rawValue: row["status"]) ?? .queued, attempts: row["attempts"], lastError: row["last_error"],
              createdAt: row["created_at"], sentAt: row["sent_at"])
    }
}
