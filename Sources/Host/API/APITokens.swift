import CivicSDK
import Foundation
import GRDB

/// Personal access tokens: an editor makes one for another system (with the permissions it may use),
/// sees it once, and can revoke it. Only its SHA-256 is stored.
enum APITokens {
    struct Token: Sendable {
        let id: Int64
        let name: String
        let scopes: [String]
        let createdAt: Date
        let lastUsedAt: Date?
        let revoked: Bool
    }

    static let prefix = "oc_"

    static func hash(_ token: String) -> String {
        Checksum.sha256(Data(token.utf8))
    }

    /// Creates a token; returns the token itself, which is not kept.
    static func create(_ db: Database, accountID: Int64, name: String, scopes: [String]) throws -> String {
        let token = prefix + RandomToken.make()
        try db.execute(sql: "INSERT INTO api_token (account_id, name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [accountID, name, hash(token), scopes.sorted().joined(separator: " "), Date()])
        return token
    }

    static func list(_ db: Database, accountID: Int64) throws -> [Token] {
        try Row.fetchAll(db, sql: "SELECT * FROM api_token WHERE account_id = ? ORDER BY revoked_at IS NOT NULL, id DESC", arguments: [accountID]).map {
            Token(id: $0["id"], name: $0["name"], scopes: ($0["scopes"] as String).split(separator: " ").map(String.init), createdAt: $0["created_at"],
                  lastUsedAt: $0["last_used_at"], revoked: ($0["revoked_at"] as Date?) != nil)
        }
    }

    /// Revokes one of the account's own tokens; returns whether there was one to revoke.
    static func revoke(_ db: Database, id: Int64, accountID: Int64) throws -> Bool {
        try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL", arguments: [Date(), id, accountID])
        return db.changesCount > 0
    }

    /// The account a live token stands for, with the token's scopes, noting its use.
    static func authenticate(_ db: Database, token: String, recordingUse: Bool = true) throws -> SignedInAccount? {
        guard token.hasPrefix(prefix), token.count < 100,
              let row = try Row.fetchOne(db, sql: """
                SELECT t.id AS token_id, t.scopes, a.id, a.email, a.display_name FROM api_token t JOIN account a ON a.id = t.account_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.deactivated_at IS NULL
                """, arguments: [hash(token)]) else { return nil }
        let id: Int64 = row["id"]
        if recordingUse { try db.execute(sql: "UPDATE api_token SET last_used_at = ? WHERE id = ?", arguments: [Date(), row["token_id"] as Int64]) }
        return SignedInAccount(id: id, email: row["email"], displayName: row["display_name"], grants: try AccountStore.grants(db, accountID: id),
                               scopes: Set((row["scopes"] as String).split(separator: " ").map(String.init)))
    }
}
