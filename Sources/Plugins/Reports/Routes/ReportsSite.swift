import CivicSDK
import Foundation
import GRDB
import Hummingbird
import NIOCore

/// Public pages: the archive (by year and type, searchable, with its deadlines), a report, its files.
struct ReportsSite {
    let services: ModuleServices
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: index)
        group.get(":id", use: report)
        group.get("files/:file", use: download)
    }

    /// A file size in the visitor's units (ko/KB/ك.ب).
    static func size(_ bytes: Int, _ context: CivicContext) -> String {
        bytes >= 1_048_576 ? context.number(Double(bytes) / 1_048_576) + "\u{00A0}" + context.text("reports.mb")
            : context.number(max(1, bytes / 1024)) + "\u{00A0}" + context.text("reports.kb")
    }

    @Sendable func index(_ request: Request, context: CivicContext) async throws -> Response {
        let query = request.uri.queryParameters
        var filter = ReportCatalog.Filter()
        filter.year = query["year"].flatMap { Int(String($0)) }
        filter.type = query["type"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        filter.query = query["q"].map(String.init).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : String($0.prefix(200)) }
        let chosen = filter
        let catalog = try await context.database.read { db in try ReportCatalog.load(db, filter: chosen, today: context.tenant.today) }
        let typeLabels = Dictionary(uniqueKeysWithValues: catalog.types.map { ($0.key, context.localized($0.label)) })
        let years = Dictionary(grouping: catalog.reports, by: \.year).keys.sorted(by: >)
        let groups = years.map { year in
            ReportsIndexPage.Group(year: year, reports: catalog.reports.filter { $0.year == year }.map { item($0, types: typeLabels, context: context) })
        }
        let deadlines = catalog.deadlines.rows.sorted { ($0.dueDate, $0.expected.id ?? 0) > ($1.dueDate, $1.expected.id ?? 0) }.map { row in
            ReportsIndexPage.Deadline(label: context.localized(row.expected.label), year: row.coveredYear, due: context.dates.day(row.dueDate),
                                      state: context.text("reports.deadline.\(row.state.rawValue)"), late: row.state == .late || row.state == .missing,
                                      report: row.report.map { .init(href: ReportRoute.report($0.id ?? 0).href(context), published: $0.publishedOn.map { context.dates.day($0) }) })
        }
        let allYears = Set(catalog.reports.map(\.year)).union(filter.year.map { [$0] } ?? []).sorted(by: >)
        let page = ReportsIndexPage(
            groups: groups, filtered: filter.year != nil || filter.type != nil || filter.query != nil,
            q: filter.query ?? "", action: ReportRoute.list.href(context),
            years: allYears.map { .init(value: String($0), label: String($0), selected: $0 == filter.year) },
            types: catalog.types.map { .init(value: $0.key, label: context.localized($0.label), selected: $0.key == filter.type) },
            deadlines: deadlines, onTimeRate: catalog.deadlines.onTimeRate.map { "\(Int(($0 * 100).rounded())) %" },
            feedHref: ReportRoute.feed.href(context), csvHref: ReportRoute.exportCSV.href(context), jsonHref: ReportRoute.api.href(context),
            follow: try await services.follows.button(kind: ReportsModule.archive.kind, key: ReportsModule.archive.key, context: context))
        return try context.render(page, title: context.text("reports.title"))
    }

    private func item(_ report: Report, types: [String: String], context: CivicContext) -> ReportsIndexPage.Item {
        ReportsIndexPage.Item(title: context.localized(report.title), href: ReportRoute.report(report.id ?? 0).href(context),
                              type: types[report.type] ?? report.type, published: report.publishedOn.map { context.dates.day($0) },
                              withdrawn: report.status == .withdrawn, draft: report.status == .draft, sample: report.sample)
    }

    @Sendable func report(_ request: Request, context: CivicContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: context.text("reports.error.not_found")) }
        let editor = context.can("reports.edit")
        let targets = Dictionary(uniqueKeysWithValues: try await services.links.targets(context).map { ($0.id, $0) })
        let found = try await context.database.read { db -> (Report, [ReportFile], String, [AuditEntry], [String], Bool)? in
            guard let report = try Report.fetchOne(db, key: id), report.isPublic || editor else { return nil }
            let files = try ReportFile.filter(ReportFile.Columns.reportID == id).order(ReportFile.Columns.id).fetchAll(db)
            let type = try ReportType.fetchOne(db, key: report.type).map { $0.label } ?? [:]
            let history = try AuditEntry.history(db, module: ReportsModule.id, itemType: "report", itemID: String(id))
            let links = try String.fetchAll(db, sql: "SELECT target FROM report_link WHERE report_id = ? ORDER BY target", arguments: [id])
            return (report, files, type.resolve(context.locale, fallbacks: context.fallbackLocales), history, links,
                    try GeneratedReport.exists(db, key: id))
        }
        guard let (report, files, type, history, links, generated) = found else { throw HTTPError(.notFound, message: context.text("reports.error.not_found")) }
        let page = ReportPage(
            title: context.localized(report.title), summary: context.localized(report.summary), type: type,
            year: report.year, period: report.periodStart.map { context.dates.span($0, report.periodEnd) },
            published: report.publishedOn.map { context.dates.day($0) }, languages: report.languages.split(separator: ",").map { Locales.nativeName(String($0)) }.joined(separator: ", "),
            draft: report.status == .draft, sample: report.sample,
            withdrawn: report.status == .withdrawn ? context.localized(report.withdrawnReason) : nil,
            files: files.map { file in
                ReportPage.File(label: file.label, href: ReportRoute.file(file.id ?? 0).href(context), kind: file.kind.uppercased(),
                                size: Self.size(file.size, context), sha256: file.sha256, downloads: file.downloads)
            },
            listHref: ReportRoute.list.href(context),
            generated: generated ? .init(readHref: ReportRoute.read(id).href(context), csvHref: ReportRoute.figuresCSV(id).href(context)) : nil,
            // links to items no longer public (an unpublished commitment) are not shown
            links: links.compactMap { targets[$0] }.map { LinkView(label: context.localized($0.title), href: context.root + $0.path) },
            history: history.map { ReportPage.Change(at: context.dates.dateTime($0.at), actor: $0.actor(context), action: context.text("reports.action.\($0.action)")) },
            canEdit: editor, editHref: ReportRoute.edit(id).href(context),
            feedback: report.isPublic ? try await services.feedback.thread(item: "report:\(id)", context: context) : "",
            shared: report.isPublic && !editor)
        return try context.render(page, title: context.localized(report.title))
    }

    /// The file with its type and name, byte ranges for resumed downloads, and a download count.
    @Sendable func download(_ request: Request, context: CivicContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("file")) else { throw HTTPError(.notFound) }
        let editor = context.can("reports.edit")
        let file = try await context.database.read { db -> ReportFile? in
            guard let file = try ReportFile.fetchOne(db, key: id), let report = try Report.fetchOne(db, key: file.reportID),
                  report.isPublic || editor else { return nil }
            return file
        }
        guard let file, let (bytes, kind) = try context.files.read(file.storedName) else { throw HTTPError(.notFound, message: context.text("reports.error.not_found")) }
        var headers: HTTPFields = [
            .contentType: kind.mediaType, .acceptRanges: "bytes",
            .contentDisposition: Self.disposition(file.label, inline: kind == .pdf || kind.isImage),
            .cacheControl: "private, max-age=0", .contentSecurityPolicy: DataResponse.fileSecurityPolicy,
        ]
        var status = HTTPResponse.Status.ok
        var body = bytes
        if let range = request.headers[.range] {
            guard let (start, end) = Self.range(range, length: bytes.count) else {
                headers[.contentRange] = "bytes */\(bytes.count)"
                return Response(status: .rangeNotSatisfiable, headers: headers)
            }
            status = .partialContent
            body = bytes.subdata(in: start..<(end + 1))
            headers[.contentRange] = "bytes \(start)-\(end)/\(bytes.count)"
        }
        if status == .ok || headers[.contentRange]?.hasPrefix("bytes 0-") == true {
            // a download is not a content change and must not empty the page cache;
            // a tenant whose storage refuses writes still serves the file, uncounted
            do {
                try await context.database.write(.nothingPublic) { db in try db.execute(sql: "UPDATE report_file SET downloads = downloads + 1 WHERE id = ?", arguments: [id]) }
            } catch {
                context.logger.error("download of report file \(id) not counted: \(error)")
            }
        }
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `bytes=a-b`, `bytes=a-` or `bytes=-n` (one range), clamped to the file; `nil` when unsatisfiable.
    static func range(_ header: String, length: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), !header.contains(","), length > 0 else { return nil }
        let parts = header.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        if parts[0].isEmpty {
            guard let suffix = Int(parts[1]), suffix > 0 else { return nil }
            return (max(0, length - suffix), length - 1)
        }
        guard let start = Int(parts[0]), start < length else { return nil }
        let end = parts[1].isEmpty ? length - 1 : min(Int(parts[1]) ?? -1, length - 1)
        return end >= start ? (start, end) : nil
    }

    /// `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266).
    static func disposition(_ name: String, inline: Bool) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
