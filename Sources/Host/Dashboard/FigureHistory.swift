import CivicSDK
import Foundation
import GRDB
import Synchronization

/// Monthly values of every live figure of a tenant. Only the current month is ever written: a
/// past month keeps the value it had when it ended, whatever is edited or hidden later.
enum FigureHistory {
    struct Point: Sendable, Equatable {
        let month: String
        let value: Double
    }

    struct Series: Sendable {
        let id: String
        let title: LocalizedText
        let unit: LocalizedText
        let points: [Point]
    }

    /// At most one recording per tenant every `seconds`.
    final class Throttle: Sendable {
        let seconds: TimeInterval
        private let last = Mutex<[String: Date]>([:])

        init(seconds: TimeInterval) { self.seconds = seconds }

        /// Whether `slug` may record now (and if so, notes that it did).
        func isDue(_ slug: String, now: Date = Date()) -> Bool {
            last.withLock { last in
                guard now.timeIntervalSince(last[slug] ?? .distantPast) >= seconds else { return false }
                last[slug] = now
                return true
            }
        }
    }

    /// The last computed figures of each tenant, valid for one key (content version and day).
    final class Memo: Sendable {
        private let entries = Mutex<[String: (key: String, value: [String: Indicator])]>([:])

        func value(_ slug: String, key: String) -> [String: Indicator]? {
            entries.withLock { $0[slug].flatMap { $0.key == key ? $0.value : nil } }
        }

        func store(_ slug: String, key: String, value: [String: Indicator]) {
            entries.withLock { $0[slug] = (key, value) }
        }
    }

    /// `YYYY-MM` of `date` (UTC).
    static func month(_ date: Date = Date()) -> String { String(date.formatted(.iso8601.year().month()).prefix(7)) }

    /// Stores the current month's value of each figure that changed; returns how many rows were written.
    @discardableResult
    static func record(_ db: Database, figures: [Indicator], month: String = month(), now: Date = Date()) throws -> Int {
        let stored = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT figure, value FROM figure_history WHERE month = ?", arguments: [month])
            .map { ($0["figure"] as String, $0["value"] as Double) })
        var written = 0
        for figure in figures where stored[figure.id] != figure.value {
            try db.execute(sql: """
                INSERT INTO figure_history (figure, month, value, title, unit, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(figure, month) DO UPDATE SET value = excluded.value, title = excluded.title, unit = excluded.unit,
                  recorded_at = excluded.recorded_at
                """, arguments: [figure.id, month, figure.value, figure.title.json, figure.unit.json, now])
            written += 1
        }
        return written
    }

    /// Every figure's months, oldest first, limited to `year` when given.
    static func series(_ db: Database, year: Int? = nil) throws -> [Series] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT figure, month, value, title, unit FROM figure_history WHERE ? IS NULL OR substr(month, 1, 4) = ? ORDER BY figure, month
            """, arguments: [year.map(String.init), year.map(String.init)])
        var order: [String] = []
        var grouped: [String: [Row]] = [:]
        for row in rows {
            let id: String = row["figure"]
            if grouped[id] == nil { order.append(id) }
            grouped[id, default: []].append(row)
        }
        return order.map { id in
            let rows = grouped[id] ?? []
            let last = rows.last
            return Series(id: id, title: LocalizedText(json: last?["title"] ?? "{}"), unit: LocalizedText(json: last?["unit"] ?? "{}"),
                          points: rows.map { Point(month: $0["month"], value: $0["value"]) })
        }
    }

    /// Years that have any recorded month, newest first.
    static func years(_ db: Database) throws -> [Int] {
        try String.fetchAll(db, sql: "SELECT DISTINCT substr(month, 1, 4) FROM figure_history ORDER BY 1 DESC").compactMap(Int.init)
    }
}
