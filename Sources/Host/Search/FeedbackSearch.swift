import CivicSDK
import Foundation
import GRDB

/// Public comments and suggestions with their answers, searchable: one row per visible entry,
/// written in the same transaction as each change to it (sent, edited, answered, hidden, shown
/// again), so a new comment costs one row and never a rebuild of the whole index.
enum FeedbackSearch {
    /// One matching entry, before the caller checks that its item is still public.
    struct Hit: Sendable {
        let id: Int64, module: String, item: String, kind: String
        let body: String, bodyLocale: String, answer: LocalizedText
    }

    /// Writes the row of entry `id` again from the stored entry, or removes it when the entry is
    /// hidden or gone.
    static func index(_ db: Database, id: Int64) throws {
        try db.execute(sql: "DELETE FROM feedback_search WHERE rowid = ?", arguments: [id])
        guard let entry = try FeedbackStore.entry(db, id: id), !entry.isHidden else { return }
        let answer = entry.response?.reason ?? [:]
        let stems = ([SearchText.indexedStems(entry.body, locale: entry.locale)] + answer.values.map { SearchText.indexedStems($0.value, locale: $0.key) })
            .joined(separator: " ")
        try db.execute(sql: """
            INSERT INTO feedback_search (rowid, module, item, kind, locale, answers, title, body, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, entry.module, entry.item, entry.kind.rawValue, entry.locale, answer.json,
                             answer.values.values.sorted().joined(separator: "\n"), entry.body, stems])
    }

    /// Entries matching `query` whose item is one of `items` (`"<module>:<item>"`, the public ones),
    /// newest first, and how many match in all.
    static func search(_ db: Database, query: SearchText.Query, items: [String], limit: Int, offset: Int) throws -> (hits: [Hit], total: Int) {
        guard let match = query.fts, !items.isEmpty else { return ([], 0) }
        let publicItems = String(decoding: try JSONEncoder().encode(items), as: UTF8.self)
        let filter = "feedback_search MATCH ? AND module || ':' || item IN (SELECT value FROM json_each(?))"
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback_search WHERE \(filter)", arguments: [match, publicItems]) ?? 0
        guard limit > 0 else { return ([], total) }
        // newest first: thousands of comments may hold the same words, and ranking each would cost more
        // than the search itself (items, fewer, are ranked)
        let hits = try Row.fetchAll(db, sql: """
            SELECT rowid, module, item, kind, locale, answers, body FROM feedback_search WHERE \(filter)
            ORDER BY rowid DESC LIMIT ? OFFSET ?
            """, arguments: [match, publicItems, limit, offset]).map { row in
            Hit(id: row["rowid"], module: row["module"], item: row["item"], kind: row["kind"], body: row["body"], bodyLocale: row["locale"],
                answer: LocalizedText(json: row["answers"]))
        }
        return (hits, total)
    }
}
