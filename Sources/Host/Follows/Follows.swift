import CivicSDK
import Foundation
import GRDB

/// What each account follows: public items a module lists with ``PublicItem/Use/follow``, by their
/// subject `"<module>:<kind>:<key>"`, with the name and page they had when followed.
enum Follows {
    /// One followed item.
    struct Followed: Sendable {
        let subject: String
        let title: LocalizedText
        let path: String
        let since: Date
    }

    static func follow(_ db: Database, accountID: Int64, subject: String, title: LocalizedText, path: String, now: Date = Date()) throws {
        try db.execute(sql: """
            INSERT INTO follow (account_id, subject, title, path, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(account_id, subject) DO UPDATE SET title = excluded.title, path = excluded.path
            """, arguments: [accountID, subject, title.json, path, now])
    }

    static func unfollow(_ db: Database, accountID: Int64, subject: String) throws {
        try db.execute(sql: "DELETE FROM follow WHERE account_id = ? AND subject = ?", arguments: [accountID, subject])
    }

    static func isFollowing(_ db: Database, accountID: Int64, subject: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM follow WHERE account_id = ? AND subject = ?)", arguments: [accountID, subject]) ?? false
    }

    /// The subjects the account follows.
    static func subjects(_ db: Database, accountID: Int64) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT subject FROM follow WHERE account_id = ?", arguments: [accountID]))
    }

    /// What the account follows, in the order it started following.
    static func all(_ db: Database, accountID: Int64) throws -> [Followed] {
        try Row.fetchAll(db, sql: "SELECT * FROM follow WHERE account_id = ? ORDER BY created_at, subject", arguments: [accountID]).map {
            Followed(subject: $0["subject"], title: LocalizedText(json: $0["title"]), path: $0["path"], since: $0["created_at"])
        }
    }
}
