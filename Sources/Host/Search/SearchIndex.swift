import CivicSDK
import Foundation
import GRDB
import Synchronization

/// The tenant-wide search index: rebuilt from the enabled modules' documents whenever the tenant's
/// content changed since it was last built, so a search never sees stale text.
final class SearchIndex: Sendable {
    struct Hit: Sendable {
        let module: String
        let kind: String
        let path: String
        let title: LocalizedText
        /// Extract with the matched words between U+E000 and U+E001.
        let snippet: String
    }

    static let markStart = "\u{E000}", markEnd = "\u{E001}"

    /// Content version each tenant's index was built at.
    private let built = Mutex<[String: UInt64]>([:])

    /// Rebuilds `tenant`'s index if its content changed since the last build.
    func refresh(_ tenant: Tenant, version: UInt64, database: TenantDatabase, modules: [any CivicModule]) async throws {
        guard built.withLock({ $0[tenant.slug] }) != version else { return }
        let documents = try await database.read { db in
            try modules.flatMap { module in try module.publicItems(db, tenant).filter { $0.uses.contains(.search) }.map { (type(of: module).id, $0) } }
        }
        try await database.write(.nothingPublic) { db in
            try db.execute(sql: "DELETE FROM search_index")
            let insert = try db.makeStatement(sql: "INSERT INTO search_index (module, kind, key, path, display, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (module, document) in documents {
                let title = document.title.values.values.sorted().joined(separator: " · ")
                let body = document.text.values.values.sorted().joined(separator: "\n")
                try insert.execute(arguments: [module, document.kind, document.key, document.path, document.title.json,
                                               SearchText.normalize(title), SearchText.normalize(body)])
            }
        }
        built.withLock { $0[tenant.slug] = version }
    }

    /// One page of hits for `query`, best first, and the total number of hits.
    func search(_ query: String, database: TenantDatabase, limit: Int, offset: Int) async throws -> (hits: [Hit], total: Int) {
        guard let match = SearchText.ftsQuery(query) else { return ([], 0) }
        return try await database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?", arguments: [match]) ?? 0
            let hits = try Row.fetchAll(db, sql: """
                SELECT module, kind, path, display,
                       snippet(search_index, 6, ?, ?, '…', 16) AS body_snippet, snippet(search_index, 5, ?, ?, '', 16) AS title_snippet
                FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 4.0, 1.0) LIMIT ? OFFSET ?
                """, arguments: [Self.markStart, Self.markEnd, Self.markStart, Self.markEnd, match, limit, offset]).map { row in
                let body: String = row["body_snippet"], title: String = row["title_snippet"]
                return Hit(module: row["module"], kind: row["kind"], path: row["path"], title: LocalizedText(json: row["display"]),
                           snippet: body.contains(Self.markStart) ? body : title)
            }
            return (hits, total)
        }
    }

    /// `snippet` as HTML: escaped, with the matched words in `<mark>`.
    static func highlighted(_ snippet: String) -> String {
        BarChart.escape(snippet).replacingOccurrences(of: markStart, with: "<mark>").replacingOccurrences(of: markEnd, with: "</mark>")
    }
}
