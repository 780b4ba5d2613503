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
        /// Extract of the original text with the matched words between U+E000 and U+E001.
        let snippet: String
        /// The language of the extract (the visitor's when it matched there).
        let snippetLocale: String
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
            let insert = try db.makeStatement(sql: """
                INSERT INTO search_index (module, kind, key, path, display, texts, title, body, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (module, document) in documents {
                let title = document.title.values.values.sorted().joined(separator: " · ")
                let body = document.text.values.values.sorted().joined(separator: "\n")
                let stems = (document.title.values.map { ($0.key, $0.value) } + document.text.values.map { ($0.key, $0.value) })
                    .map { SearchText.indexedStems($0.1, locale: $0.0) }.joined(separator: " ")
                try insert.execute(arguments: [module, document.kind, document.key, document.path, document.title.json, document.text.json,
                                               title, body, stems])
            }
        }
        built.withLock { $0[tenant.slug] = version }
    }

    /// One page of hits for `query`, best first (words as written before words by their stem), and
    /// the total number of hits; extracts preferably in `locale`.
    func search(_ query: String, locale: String, database: TenantDatabase, limit: Int, offset: Int) async throws -> (hits: [Hit], total: Int) {
        guard let match = SearchText.ftsQuery(query) else { return ([], 0) }
        return try await database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?", arguments: [match]) ?? 0
            let hits = try Row.fetchAll(db, sql: """
                SELECT module, kind, path, display, texts FROM search_index WHERE search_index MATCH ?
                ORDER BY bm25(search_index, 4.0, 1.0, 0.5) LIMIT ? OFFSET ?
                """, arguments: [match, limit, offset]).map { row in
                let title = LocalizedText(json: row["display"]), texts = LocalizedText(json: row["texts"])
                let (snippet, snippetLocale) = Self.extract(query: query, texts: texts, title: title, locale: locale)
                return Hit(module: row["module"], kind: row["kind"], path: row["path"], title: title, snippet: snippet, snippetLocale: snippetLocale)
            }
            return (hits, total)
        }
    }

    /// The extract to show: from the text in the visitor's language if a word matches there, else
    /// in another language, else the title; the text's opening when only the title matched.
    static func extract(query: String, texts: LocalizedText, title: LocalizedText, locale: String) -> (String, String) {
        let order = [locale] + texts.values.keys.sorted().filter { $0 != locale }
        for code in order {
            if let text = texts.values[code], let snippet = SearchText.snippet(text, query: query, start: markStart, end: markEnd) {
                return (snippet, code)
            }
        }
        for code in [locale] + title.values.keys.sorted() {
            if let text = title.values[code], let snippet = SearchText.snippet(text, query: query, start: markStart, end: markEnd) {
                return (snippet, code)
            }
        }
        let code = texts.values[locale] != nil ? locale : (texts.values.keys.sorted().first ?? locale)
        return (String((texts.values[code] ?? "").prefix(160)), code)
    }

    /// `snippet` as HTML: escaped, with the matched words in `<mark>`.
    static func highlighted(_ snippet: String) -> String {
        BarChart.escape(snippet).replacingOccurrences(of: markStart, with: "<mark>").replacingOccurrences(of: markEnd, with: "</mark>")
    }
}
