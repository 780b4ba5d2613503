import CivicSDK
import Foundation
import GRDB

/// Single-use links that let someone who forgot a password set a new one. Only the SHA-256 of a
/// link's token is stored, so the database alone opens no account; a link lasts an hour, works
/// once, and a newer one replaces every older one of the account.
enum PasswordResets {
    static let lifetime: TimeInterval = 3_600

    /// A new token for `accountID` (what goes in the link).
    /// `lifetime`: an hour for a forgotten password, a week for an invitation (``Invitations``).
    static func create(_ db: Database, accountID: Int64, now: Date = Date(), lifetime: TimeInterval = lifetime) throws -> String {
        let token = RandomToken.make()
        try db.execute(sql: "DELETE FROM password_reset WHERE account_id = ?", arguments: [accountID])
        try db.execute(sql: "INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
                       arguments: [hash(token), accountID, now.addingTimeInterval(lifetime)])
        return token
    }

    /// The account a token opens, if it is known, unused and not expired.
    static func account(_ db: Database, token: String, now: Date = Date()) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT account_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                           arguments: [hash(token), now])
    }

    /// Marks the token used; false when it no longer opens anything (used meanwhile, expired).
    static func consume(_ db: Database, token: String, now: Date = Date()) throws -> Bool {
        try db.execute(sql: "UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                       arguments: [now, hash(token), now])
        return db.changesCount == 1
    }

    static func hash(_ token: String) -> String { Checksum.sha256(Data(token.utf8)) }
}
