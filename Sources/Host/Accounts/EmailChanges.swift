import CivicSDK
import Foundation
import GRDB

/// A change of an account's address waiting for the new address to confirm it: the account keeps
/// its old address until the link sent to the new one is followed. Only the link's hash is stored;
/// it lasts two days, and a newer request replaces an older one.
enum EmailChanges {
    /// A new token for moving `accountID` to `address`.
    static func create(_ db: Database, accountID: Int64, address: String, now: Date = Date()) throws -> String {
        let token = RandomToken.make()
        try db.execute(sql: "DELETE FROM email_change WHERE account_id = ?", arguments: [accountID])
        try db.execute(sql: "INSERT INTO email_change (token_hash, account_id, new_email, expires_at) VALUES (?, ?, ?, ?)",
                       arguments: [PasswordResets.hash(token), accountID, address, now.addingTimeInterval(AccountConfirmations.lifetime)])
        return token
    }

    /// What a confirmed link did.
    enum Outcome { case changed(name: String, old: String, new: String), taken, unknown }

    /// Moves the account to its new address if the token is valid and the address still free.
    static func confirm(_ db: Database, token: String, now: Date = Date()) throws -> Outcome {
        guard let row = try Row.fetchOne(db, sql: "SELECT account_id, new_email FROM email_change WHERE token_hash = ? AND expires_at > ?",
                                         arguments: [PasswordResets.hash(token), now]) else { return .unknown }
        let id: Int64 = row["account_id"], address: String = row["new_email"]
        guard let account = try AccountStore.find(db, id: id) else { return .unknown }
        try db.execute(sql: "DELETE FROM email_change WHERE account_id = ?", arguments: [id])
        if try AccountStore.find(db, email: address) != nil { return .taken }
        try db.execute(sql: "UPDATE account SET email = ?, confirmed_at = ? WHERE id = ?", arguments: [address, now, id])
        return .changed(name: account.displayName, old: account.email, new: address)
    }
}
