import Foundation
import GRDB

/// Lines waiting for an account's next daily or weekly digest, and the digests that carried them.
enum DigestItems {
    /// One waiting line, already in the account's language, under the item it is about.
    struct Item: Sendable {
        let id: Int64
        let groupKey: String
        let groupTitle: String
        let groupPath: String
        let line: String
        let at: Date
    }

    static func add(_ db: Database, accountID: Int64, cadence: MailPreferences.Mode, group: (key: String, title: String, path: String),
                    line: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO digest_item (account_id, cadence, group_key, group_title, group_path, line, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [accountID, cadence.rawValue, group.key, group.title, group.path, line, at])
    }

    /// The accounts and cadences with lines waiting whose digest is due: a period after the previous
    /// digest, or after the oldest waiting line when there was none.
    static func due(_ db: Database, now: Date) throws -> [(accountID: Int64, cadence: MailPreferences.Mode, since: Date?)] {
        try Row.fetchAll(db, sql: """
            SELECT i.account_id, i.cadence, MIN(i.at) AS oldest, s.at AS previous
            FROM digest_item i LEFT JOIN digest_sent s ON s.account_id = i.account_id AND s.cadence = i.cadence
            WHERE i.outbox_id IS NULL GROUP BY i.account_id, i.cadence
            """).compactMap { row in
            guard let cadence = MailPreferences.Mode(rawValue: row["cadence"]), let period = cadence.period else { return nil }
            let previous: Date? = row["previous"], oldest: Date = row["oldest"]
            return now.timeIntervalSince(previous ?? oldest) >= period ? (row["account_id"], cadence, previous) : nil
        }
    }

    /// The account's waiting lines of `cadence`, oldest first.
    static func waiting(_ db: Database, accountID: Int64, cadence: MailPreferences.Mode) throws -> [Item] {
        try Row.fetchAll(db, sql: "SELECT * FROM digest_item WHERE outbox_id IS NULL AND account_id = ? AND cadence = ? ORDER BY at, id",
                         arguments: [accountID, cadence.rawValue]).map {
            Item(id: $0["id"], groupKey: $0["group_key"], groupTitle: $0["group_title"], groupPath: $0["group_path"], line: $0["line"], at: $0["at"])
        }
    }

    /// The lines went out in digest `outboxID`, queued `now`.
    static func carried(_ db: Database, items: [Item], accountID: Int64, cadence: MailPreferences.Mode, outboxID: Int64, now: Date) throws {
        for item in items { try db.execute(sql: "UPDATE digest_item SET outbox_id = ? WHERE id = ?", arguments: [outboxID, item.id]) }
        try db.execute(sql: """
            INSERT INTO digest_sent (account_id, cadence, at) VALUES (?, ?, ?) ON CONFLICT(account_id, cadence) DO UPDATE SET at = excluded.at
            """, arguments: [accountID, cadence.rawValue, now])
    }

    /// A digest was given up: its lines wait again, for the next one.
    static func giveBack(_ db: Database, outboxID: Int64) throws {
        try db.execute(sql: "UPDATE digest_item SET outbox_id = NULL WHERE outbox_id = ?", arguments: [outboxID])
    }

    /// Whether any line waits (the delivery worker's minute sweep looks at such tenants).
    static func anyWaiting(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM digest_item WHERE outbox_id IS NULL)") ?? false
    }
}
