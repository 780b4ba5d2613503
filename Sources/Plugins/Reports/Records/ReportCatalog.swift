import CivicSDK
import Foundation
import GRDB

/// Everything `{root}/reports` shows, in a fixed number of queries: public reports (optionally
/// filtered and searched), their files, the types and the deadlines.
struct ReportCatalog: Sendable {
    let reports: [Report]
    let files: [Int64: [ReportFile]]
    let types: [ReportType]
    let deadlines: Deadlines

    struct Filter: Sendable {
        var year: Int?
        var type: String?
        var query: String?
        var includeDrafts = false
    }

    /// `today` is the tenant's (`YYYY-MM-DD`): deadlines before it are past.
    static func load(_ db: Database, filter: Filter, today: String) throws -> ReportCatalog {
        var request = Report.all()
        if !filter.includeDrafts { request = request.publiclyVisible() }
        if let year = filter.year { request = request.filter(Report.Columns.year == year) }
        if let type = filter.type { request = request.filter(Report.Columns.type == type) }
        if let query = filter.query.flatMap(ReportSearch.matchExpression) {
            request = request.filter(sql: "id IN (SELECT rowid FROM report_search WHERE report_search MATCH ?)", arguments: [query])
        }
        let reports = try request.order(Report.Columns.year.desc, Report.Columns.publishedOn.desc, Report.Columns.id.desc).fetchAll(db)
        let files = Dictionary(grouping: try ReportFile.filter(reports.compactMap(\.id).contains(ReportFile.Columns.reportID)).order(ReportFile.Columns.id).fetchAll(db),
                               by: \.reportID)
        let types = try ReportType.order(ReportType.Columns.position).fetchAll(db)
        let expected = try ExpectedReport.order(ExpectedReport.Columns.id).fetchAll(db)
        let allPublic = filter.year == nil && filter.type == nil && filter.query == nil && !filter.includeDrafts
            ? reports : try Report.publiclyVisible().fetchAll(db)
        return ReportCatalog(reports: reports, files: files, types: types,
                             deadlines: Deadlines(expected: expected, reports: allPublic, today: today))
    }
}

/// The full-text index of titles and summaries (all languages), kept in step with every write.
enum ReportSearch {
    static func index(_ db: Database, _ report: Report) throws {
        guard let id = report.id else { return }
        try index(db, id: id, title: report.title, summary: report.summary)
    }

    /// Writes the row of report `id`: its texts in every language, and their words' stems in each.
    static func index(_ db: Database, id: Int64, title: LocalizedText, summary: LocalizedText) throws {
        try db.execute(sql: "DELETE FROM report_search WHERE rowid = ?", arguments: [id])
        let texts = title.values.map { ($0.key, $0.value) } + summary.values.map { ($0.key, $0.value) }
        try db.execute(sql: "INSERT INTO report_search (rowid, text, stems) VALUES (?, ?, ?)", arguments: [
            id, texts.map(\.1).joined(separator: " "), texts.map { SearchText.indexedStems($0.1, locale: $0.0) }.joined(separator: " "),
        ])
    }

    /// A safe FTS5 query from what a visitor typed: every word required, as written or by its stem,
    /// the last one as a prefix; typed operators are words.
    static func matchExpression(_ raw: String) -> String? {
        SearchText.Query(raw).fts(text: "text", stems: "stems")
    }
}
