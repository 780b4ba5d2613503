import CivicSDK
import Foundation
import GRDB

/// Everything a tenant keeps about one account, as the ZIP of JSON files its owner downloads from
/// the account page (the right of access): the account, its contributions with their answers, what
/// it follows, its mail choices and the mail sent to it, the changes it made, and each module's part.
enum AccountData {
    /// The archive's files, read in one transaction.
    static func files(_ db: Database, accountID: Int64, email: String, modules: [any CivicModule], tenant: Tenant) throws -> [(name: String, data: Data)] {
        let id: [DatabaseValueConvertible] = [accountID]
        var account = try rows(db, "SELECT id, email, display_name, locale, created_at, confirmed_at, deactivated_at FROM account WHERE id = ?", id).first ?? [:]
        account["roles"] = try rows(db, "SELECT role, NULLIF(module, '') AS module FROM role_grant WHERE account_id = ? ORDER BY role, module", id)
        account["access_tokens"] = try rows(db, "SELECT name, scopes, created_at, last_used_at, revoked_at FROM api_token WHERE account_id = ? ORDER BY id", id)
        account["open_sessions"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE account_id = ? AND expires_at > ?", arguments: [accountID, Date()]) ?? 0
        var contributions = try rows(db, """
            SELECT f.id, f.module, f.item, f.kind, f.body, f.author_name, f.author_contact, f.locale, f.channel, f.received_at, f.edited_at,
                   f.hidden_at, f.hidden_reason, r.outcome AS answer_outcome, r.reason AS answer_reason, r.responded_at AS answered_at
            FROM feedback f LEFT JOIN feedback_response r ON r.feedback_id = f.id WHERE f.account_id = ? ORDER BY f.received_at
            """, id)
        let revisions = Dictionary(grouping: try rows(db, """
            SELECT v.feedback_id, v.body, v.replaced_at FROM feedback_revision v JOIN feedback f ON f.id = v.feedback_id
            WHERE f.account_id = ? ORDER BY v.id
            """, id), by: { $0["feedback_id"] as? Int64 ?? 0 })
        for index in contributions.indices {
            let key = contributions[index]["id"] as? Int64 ?? 0
            contributions[index]["earlier_versions"] = (revisions[key] ?? []).map { $0.filter { $0.key != "feedback_id" } }
            // the answer is stored per language, as JSON: written out as an object
            if let reason = contributions[index]["answer_reason"] as? String { contributions[index]["answer_reason"] = LocalizedText(json: reason).values }
        }
        let follows = try rows(db, "SELECT subject, title, path, created_at FROM follow WHERE account_id = ? ORDER BY created_at", id).map { row in
            row.merging(["title": LocalizedText(json: row["title"] as? String ?? "{}").values]) { _, new in new }
        }
        var files: [(String, Data)] = [
            ("account.json", try json(account)),
            ("contributions.json", try json(["contributions": contributions])),
            ("follows.json", try json(["follows": follows])),
            ("mail-preferences.json", try json(["preferences": try rows(db, "SELECT kind, mode FROM mail_preference WHERE account_id = ? ORDER BY kind", id)])),
            ("mail-sent.json", try json(["mail": try rows(db, """
                SELECT subject, kind, status, created_at, sent_at FROM outbox WHERE recipient LIKE ? ESCAPE '\\' ORDER BY id
                """, [Outbox.recipientPattern(email)])])),
            ("changes-made.json", try json(["changes": try rows(db, """
                SELECT at, module, action, item_type, item_id, summary FROM audit_log WHERE account_id = ? ORDER BY at, id
                """, id)])),
        ]
        for module in modules {
            if let data = try module.accountData(db, tenant, accountID: accountID) { files.append(("\(type(of: module).id).json", data)) }
        }
        return files
    }

    /// The rows of `sql`, each column by name (dates as the database stores them: UTC).
    private static func rows(_ db: Database, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> [[String: Any]] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            var object: [String: Any] = [:]
            for (column, value) in row {
                switch value.storage {
                case .null: object[column] = NSNull()
                case .int64(let number): object[column] = number
                case .double(let number): object[column] = number
                case .string(let text): object[column] = text
                case .blob(let data): object[column] = data.base64EncodedString()
                }
            }
            return object
        }
    }

    private static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
