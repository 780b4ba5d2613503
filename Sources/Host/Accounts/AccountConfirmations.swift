import CivicSDK
import Foundation
import GRDB

/// Links that confirm the address of an account made by registering. Only their hash is stored; a
/// link lasts two days and a newer one replaces the older ones of the account.
enum AccountConfirmations {
    static let lifetime: TimeInterval = 2 * 86_400

    /// A new token for `accountID`.
    static func create(_ db: Database, accountID: Int64, now: Date = Date()) throws -> String {
        let token = RandomToken.make()
        try db.execute(sql: "DELETE FROM account_confirmation WHERE account_id = ?", arguments: [accountID])
        try db.execute(sql: "INSERT INTO account_confirmation (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
                       arguments: [PasswordResets.hash(token), accountID, now.addingTimeInterval(lifetime)])
        return token
    }

    /// Confirms the account a valid token names, and spends the token; `false` when it names none.
    static func confirm(_ db: Database, token: String, now: Date = Date()) throws -> Bool {
        guard let id = try Int64.fetchOne(db, sql: "SELECT account_id FROM account_confirmation WHERE token_hash = ? AND expires_at > ?",
                                          arguments: [PasswordResets.hash(token), now]) else { return false }
        try db.execute(sql: "UPDATE account SET confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?", arguments: [now, id])
        try db.execute(sql: "DELETE FROM account_confirmation WHERE account_id = ?", arguments: [id])
        return true
    }
}
