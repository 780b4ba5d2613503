import CivicSDK
import Foundation
import GRDB

/// Deleting an account at its owner's request (the right of erasure), in one transaction: its public
/// contributions stay, signed "deleted account", and everything personal goes — its name and contact
/// on contributions and answers it signed, its sessions, tokens, links, follows, preferences and
/// waiting digest lines, the mail log's copies of mail to its address, and what each module keeps.
enum AccountDeletion {
    /// Why an account may not be deleted by itself.
    enum Refusal: Error { case lastAdmin }

    static func delete(_ db: Database, accountID: Int64, email: String, modules: [any CivicModule], tenant: Tenant) throws {
        let grants = try AccountStore.grants(db, accountID: accountID)
        if grants.contains(where: { $0.role == .admin }) {
            let others = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM role_grant g JOIN account a ON a.id = g.account_id
                WHERE g.role = 'admin' AND g.account_id <> ? AND a.deactivated_at IS NULL
                """, arguments: [accountID]) ?? 0
            // a commune without an administrator could not be run any more
            guard others > 0 else { throw Refusal.lastAdmin }
        }
        for module in modules { try module.forgetAccount(db, tenant, accountID: accountID) }
        let id: StatementArguments = [accountID]
        try db.execute(sql: "UPDATE feedback SET author_name = '', author_contact = '', notify_email = NULL WHERE account_id = ?", arguments: id)
        // its flags still count, no longer naming it
        try db.execute(sql: "UPDATE feedback_flag SET reporter_key = 'deleted:' || hex(randomblob(8)) WHERE reporter_key = ?", arguments: ["account:\(accountID)"])
        try db.execute(sql: "UPDATE feedback_response SET responder_name = '' WHERE account_id = ?", arguments: id)
        try db.execute(sql: "UPDATE audit_log SET actor_name = ? WHERE account_id = ?", arguments: [AuditEntry.deletedAccount, accountID])
        try db.execute(sql: "DELETE FROM outbox WHERE recipient LIKE ? ESCAPE '\\'", arguments: [Outbox.recipientPattern(email)])
        // sessions, grants, tokens, links, follows, preferences and digests go with the row (ON DELETE CASCADE);
        // contributions, answers and history lose the link to it (ON DELETE SET NULL)
        try db.execute(sql: "DELETE FROM account WHERE id = ?", arguments: id)
    }
}
