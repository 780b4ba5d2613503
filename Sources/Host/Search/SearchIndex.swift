import CivicSDK
import Foundation
import GRDB
import Synchronization

/// The tenant-wide search index: rebuilt from the enabled modules' documents whenever the tenant's
/// content changed since it was last built, so a search never sees stale text.
final class SearchIndex: Sendable {
    /// A tenant whose public items go into an index: the tenant itself (`site` empty, links under the
    /// visitor's root), or, in a commune's index, one of its instances (`site` its address, `origin` its name).
    struct Source: Sendable {
        let tenant: Tenant
        let database: TenantDatabase
        let modules: [any CivicModule]
        var site = ""
        var origin: LocalizedText = [:]
    }

    struct Hit: Sendable {
        let module: String
        let kind: String
        let path: String
        /// The address of the instance the item belongs to, or empty for the tenant's own items.
        let site: String
        /// The instance's name, or empty.
        let origin: LocalizedText
        let title: LocalizedText
        /// Extract of the original text with the matched words between U+E000 and U+E001.
        let snippet: String
        /// The language of the extract (the visitor's when it matched there).
        let snippetLocale: String
    }

    static let markStart = "\u{E000}", markEnd = "\u{E001}"

    /// What each tenant's index was built from: the content version, and the items open to comments
    /// (`"<module>:<kind>:<key>"`, with their titles), whose comments a search may show.
    private struct Build {
        let version: UInt64
        let openToComments: [String: LocalizedText]
        /// What building it read: a search page reads it too (see ``ReadLedger``).
        let reads: Set<String>
    }

    private let built = Mutex<[String: Build]>([:])

    /// Rebuilds the index of the first source if its content changed since the last build (a
    /// commune's version moves when one of its instances changes too); every source's public items go
    /// in. Returns the first source's items open to comments, with their titles, as of that content.
    func refresh(_ sources: [Source], version: UInt64) async throws -> [String: LocalizedText] {
        guard let own = sources.first else { return [:] }
        if let known = built.withLock({ $0[own.tenant.slug] }), known.version == version {
            ReadLedger.replay(known.reads)
            return known.openToComments
        }
        let ((all, openToComments), reads) = try await ReadLedger.recording {
            var documents: [(source: Source, module: String, item: PublicItem)] = []
            var openToComments: [String: LocalizedText] = [:]
            for source in sources {
                let items = try await source.database.read { db in
                    try source.modules.flatMap { module in try module.publicItems(db, source.tenant).map { (type(of: module).id, $0) } }
                }
                documents += items.filter { $0.1.uses.contains(.search) }.map { (source, $0.0, $0.1) }
                for (module, item) in items where source.site.isEmpty && item.uses.contains(.feedback) { openToComments["\(module):\(item.item)"] = item.title }
            }
            return (documents, openToComments)
        }
        do {
            try await store(all, in: own.database)
        } catch where ErrorPages.isMoving(error) {
            // the tenant takes no write while it moves to another host, which builds the index
            // again: searches read it as last built meanwhile
            return openToComments
        }
        built.withLock { $0[own.tenant.slug] = Build(version: version, openToComments: openToComments, reads: reads) }
        return openToComments
    }

    /// Replaces the tenant's index with `all`.
    private func store(_ all: [(source: Source, module: String, item: PublicItem)], in database: TenantDatabase) async throws {
        try await database.write(.nothingPublic) { db in
            try db.execute(sql: "DELETE FROM search_index")
            let insert = try db.makeStatement(sql: """
                INSERT INTO search_index (module, kind, key, path, display, texts, site, origin, title, body, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (source, module, document) in all {
                let title = document.title.values.values.sorted().joined(separator: " · ")
                let body = document.text.values.values.sorted().joined(separator: "\n")
                let stems = (document.title.values.map { ($0.key, $0.value) } + document.text.values.map { ($0.key, $0.value) })
                    .map { SearchText.indexedStems($0.1, locale: $0.0) }.joined(separator: " ")
                try insert.execute(arguments: [module, document.kind, document.key, document.path, document.title.json, document.text.json,
                                               source.site, source.origin.json, title, body, stems])
            }
        }
    }

    /// One page of hits for `query`, best first (words as written before words by their stem), and
    /// the total number of hits; extracts preferably in `locale`.
    func search(_ query: SearchText.Query, locale: String, database: TenantDatabase, limit: Int, offset: Int) async throws -> (hits: [Hit], total: Int) {
        // bm25 takes a weight per column in table order: the unindexed ones first, then title, body and stems
        guard let match = query.fts else { return ([], 0) }
        return try await database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?", arguments: [match]) ?? 0
            let hits = try Row.fetchAll(db, sql: """
                SELECT module, kind, path, display, texts, site, origin FROM search_index WHERE search_index MATCH ?
                ORDER BY bm25(search_index, 0, 0, 0, 0, 0, 0, 0, 0, 4.0, 1.0, 0.5) LIMIT ? OFFSET ?
                """, arguments: [match, limit, offset]).map { row in
                let title = LocalizedText(json: row["display"]), texts = LocalizedText(json: row["texts"])
                let (snippet, snippetLocale) = Self.extract(query: query, texts: texts, title: title, locale: locale)
                return Hit(module: row["module"], kind: row["kind"], path: row["path"], site: row["site"], origin: LocalizedText(json: row["origin"]),
                           title: title, snippet: snippet, snippetLocale: snippetLocale)
            }
            return (hits, total)
        }
    }

    /// The extract to show: from the text in the visitor's language if a word matches there, else
    /// in another language, else from the title; the text's opening when nothing matches in words.
    static func extract(query: SearchText.Query, texts: LocalizedText, title: LocalizedText, locale: String) -> (String, String) {
        for source in [texts, title] {
            for code in [locale] + source.values.keys.sorted().filter({ $0 != locale }) {
                if let text = source.values[code], let snippet = query.snippet(in: text, start: markStart, end: markEnd) { return (snippet, code) }
            }
        }
        let code = texts.values[locale] != nil ? locale : (texts.values.keys.sorted().first ?? locale)
        return (String((texts.values[code] ?? "").prefix(160)), code)
    }

    /// `snippet` as HTML: escaped, with the matched words in `<mark>`.
    static func highlighted(_ snippet: String) -> String {
        HTMLEscape.text(snippet).replacingOccurrences(of: markStart, with: "<mark>").replacingOccurrences(of: markEnd, with: "</mark>")
    }
}
