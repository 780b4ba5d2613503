import CivicSDK
import Foundation
import GRDB

/// Accounts, roles and sessions in one tenant's database.
enum AccountStore {
    struct Stored: Sendable {
        let id: Int64
        let email: String
        let displayName: String
        let passwordHash: String
    }

    static func normalizedEmail(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        email.count <= 254 && email.range(of: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", options: .regularExpression) != nil
    }

    /// The columns ``Stored`` reads, and reading them.
    private static let storedColumns = "id, email, display_name, password_hash"
    private static func stored(_ row: Row) -> Stored {
        Stored(id: row["id"], email: row["email"], displayName: row["display_name"], passwordHash: row["password_hash"])
    }

    static func find(_ db: Database, email: String) throws -> Stored? {
        try Row.fetchOne(db, sql: "SELECT \(storedColumns) FROM account WHERE email = ?", arguments: [email]).map(stored)
    }

    /// The account of `email` if it may sign in (not deactivated).
    static func findActive(_ db: Database, email: String) throws -> Stored? {
        try Row.fetchOne(db, sql: "SELECT \(storedColumns) FROM account WHERE email = ? AND deactivated_at IS NULL", arguments: [email]).map(stored)
    }

    /// Deactivates (`active` false: no sign-in, sessions closed, access tokens revoked) or reactivates an account.
    static func setActive(_ db: Database, id: Int64, active: Bool, now: Date = Date()) throws {
        try db.execute(sql: "UPDATE account SET deactivated_at = ? WHERE id = ?", arguments: [active ? nil : now, id])
        guard !active else { return }
        try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [id])
        try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", arguments: [now, id])
    }

    /// Whether the account is deactivated.
    static func isDeactivated(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT deactivated_at IS NOT NULL FROM account WHERE id = ?", arguments: [id]) ?? false
    }

    static func find(_ db: Database, id: Int64) throws -> Stored? {
        try Row.fetchOne(db, sql: "SELECT \(storedColumns) FROM account WHERE id = ?", arguments: [id]).map(stored)
    }

    /// Creates an account with `grants`; `nil` when the e-mail is taken. An account made by staff or
    /// the command line is `confirmed`; one made by registering confirms its address by a link.
    static func create(_ db: Database, email: String, displayName: String, passwordHash: String, grants: Set<RoleGrant>,
                       confirmed: Bool = true) throws -> Int64? {
        guard try find(db, email: email) == nil else { return nil }
        let now = Date()
        try db.execute(sql: "INSERT INTO account (email, display_name, password_hash, created_at, confirmed_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [email, displayName, passwordHash, now, confirmed ? now : nil])
        let id = db.lastInsertedRowID
        try setGrants(db, accountID: id, grants: grants)
        return id
    }

    /// The language the account reads its mail in: the page's, when it registers, follows or saves its choices.
    static func setLocale(_ db: Database, id: Int64, locale: String) throws {
        try db.execute(sql: "UPDATE account SET locale = ? WHERE id = ?", arguments: [locale, id])
    }

    /// Whether the account's address was confirmed.
    static func isConfirmed(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT confirmed_at IS NOT NULL FROM account WHERE id = ?", arguments: [id]) ?? false
    }

    static func grants(_ db: Database, accountID: Int64) throws -> Set<RoleGrant> {
        Set(try Row.fetchAll(db, sql: "SELECT role, module FROM role_grant WHERE account_id = ?", arguments: [accountID]).compactMap { row in
            let module: String = row["module"]
            return Role(rawValue: row["role"]).map { RoleGrant($0, module: module.isEmpty ? nil : module) }
        })
    }

    static func setGrants(_ db: Database, accountID: Int64, grants: Set<RoleGrant>) throws {
        try db.execute(sql: "DELETE FROM role_grant WHERE account_id = ?", arguments: [accountID])
        for grant in grants {
            try db.execute(sql: "INSERT INTO role_grant (account_id, role, module) VALUES (?, ?, ?)",
                           arguments: [accountID, grant.role.rawValue, grant.module ?? ""])
        }
    }

    /// Every account with its grants, in two queries.
    static func all(_ db: Database) throws -> [(Stored, Set<RoleGrant>)] {
        let accounts = try Row.fetchAll(db, sql: "SELECT \(storedColumns) FROM account ORDER BY email").map(stored)
        var grants: [Int64: Set<RoleGrant>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT account_id, role, module FROM role_grant") {
            let module: String = row["module"]
            if let role = Role(rawValue: row["role"]) { grants[row["account_id"], default: []].insert(RoleGrant(role, module: module.isEmpty ? nil : module)) }
        }
        return accounts.map { ($0, grants[$0.id] ?? []) }
    }

    // MARK: sessions

    struct Session: Sendable {
        let account: SignedInAccount
        let csrf: String
        /// When the session ends by itself.
        let expires: Date
    }

    static func createSession(_ db: Database, accountID: Int64, days: Int) throws -> String {
        let token = RandomToken.make()
        try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [Date()])
        try db.execute(sql: "INSERT INTO session (token, account_id, csrf, expires_at) VALUES (?, ?, ?, ?)",
                       arguments: [token, accountID, RandomToken.make(), Date().addingTimeInterval(Double(days) * 86_400)])
        return token
    }

    static func session(_ db: Database, token: String) throws -> Session? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT s.csrf, s.expires_at, a.id, a.email, a.display_name FROM session s JOIN account a ON a.id = s.account_id
            WHERE s.token = ? AND s.expires_at > ? AND a.deactivated_at IS NULL
            """, arguments: [token, Date()]) else { return nil }
        let id: Int64 = row["id"]
        return Session(account: SignedInAccount(id: id, email: row["email"], displayName: row["display_name"], grants: try grants(db, accountID: id)),
                       csrf: row["csrf"], expires: row["expires_at"])
    }

    static func deleteSession(_ db: Database, token: String) throws {
        try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [token])
    }

    /// Ends every session of an account except `keep` (after a password change).
    static func deleteOtherSessions(_ db: Database, accountID: Int64, keep: String?) throws {
        try db.execute(sql: "DELETE FROM session WHERE account_id = ? AND token IS NOT ?", arguments: [accountID, keep])
    }
}
