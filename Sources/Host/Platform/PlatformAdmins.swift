import CivicSDK
import Foundation
import GRDB

/// Platform administrators and their sessions in `platform.sqlite`.
enum PlatformAdmins {
    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM platform_admin") ?? 0
    }

    /// Adds an admin; `false` when the e-mail is already one.
    static func create(_ db: Database, email: String, passwordHash: String) throws -> Bool {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM platform_admin WHERE email = ?", arguments: [email]) == nil else { return false }
        try db.execute(sql: "INSERT INTO platform_admin (email, password_hash, created_at) VALUES (?, ?, ?)", arguments: [email, passwordHash, Date()])
        return true
    }

    static func find(_ db: Database, email: String) throws -> (id: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT id, password_hash FROM platform_admin WHERE email = ?", arguments: [email]).map { ($0["id"], $0["password_hash"]) }
    }

    static func all(_ db: Database) throws -> [(email: String, createdAt: Date)] {
        try Row.fetchAll(db, sql: "SELECT email, created_at FROM platform_admin ORDER BY email").map { ($0["email"], $0["created_at"]) }
    }

    static func createSession(_ db: Database, adminID: Int64, days: Int) throws -> String {
        let token = RandomToken.make()
        try db.execute(sql: "DELETE FROM platform_session WHERE expires_at < ?", arguments: [Date()])
        try db.execute(sql: "INSERT INTO platform_session (token, admin_id, csrf, expires_at) VALUES (?, ?, ?, ?)",
                       arguments: [token, adminID, RandomToken.make(), Date().addingTimeInterval(Double(days) * 86_400)])
        return token
    }

    static func deleteSession(_ db: Database, token: String) throws {
        try db.execute(sql: "DELETE FROM platform_session WHERE token = ?", arguments: [token])
    }
}
