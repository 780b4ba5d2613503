import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// The public catalogue as data: `{root}/reports/export.csv`, `feed.atom`, and `{root}/api/v1/reports`.
struct ReportsData {
    func registerSite(_ group: RouterGroup<CivicContext>) {
        group.get("export.csv", use: csv)
        group.get("feed.atom", use: atom)
    }

    func registerAPI(_ group: RouterGroup<CivicContext>) {
        group.get(use: api)
    }

    private func catalog(_ context: CivicContext) async throws -> ReportCatalog {
        try await context.database.read { db in try ReportCatalog.load(db, filter: .init(), today: context.tenant.today) }
    }

    @Sendable func csv(_ request: Request, context: CivicContext) async throws -> Response {
        let catalog = try await catalog(context)
        let locales = context.tenant.locales
        let header = ["id", "type", "year", "period_start", "period_end", "published_on", "status", "languages"]
            + locales.map { "title.\($0)" } + locales.map { "summary.\($0)" } + ["files", "sha256", "sample"]
        let rows = catalog.reports.map { report -> [String] in
            let files = catalog.files[report.id ?? 0] ?? []
            return [String(report.id ?? 0), report.type, String(report.year), report.periodStart ?? "", report.periodEnd ?? "",
                    report.publishedOn ?? "", report.status.rawValue, report.languages]
                + locales.map { report.title.values[$0] ?? "" } + locales.map { report.summary.values[$0] ?? "" }
                + [files.map(\.label).joined(separator: "; "), files.map(\.sha256).joined(separator: "; "), String(report.sample)]
        }
        return DataResponse.publicText(CSV.document(header: header, rows: rows), contentType: "text/csv; charset=utf-8", downloadName: "\(context.tenant.slug)-reports.csv")
    }

    struct Document: ResponseEncodable {
        struct Item: Encodable {
            let id: Int64
            let title, summary: LocalizedText
            let type: String
            let year: Int
            let periodStart, periodEnd, publishedOn: String?
            let status: String
            let withdrawnReason: LocalizedText?
            let languages: [String]
            let sample: Bool
            let files: [File]
        }

        struct File: Encodable {
            let name, kind, sha256, url: String
            let size, downloads: Int
        }

        struct Deadline: Encodable {
            let type: String
            let coveredYear: Int
            let due, state: String
            let reportID: Int64?
        }

        let reports: [Item]
        let deadlines: [Deadline]
        let onTimeRate: Double?
    }

    /// The reports (paginated), with every deadline and the on-time rate.
    @Sendable func api(_ request: Request, context: CivicContext) async throws -> Response {
        let page = try APIPage(request)
        let catalog = try await catalog(context)
        return try page.response(Document(
            reports: page.slice(catalog.reports).map { report in
                Document.Item(id: report.id ?? 0, title: report.title, summary: report.summary, type: report.type, year: report.year,
                              periodStart: report.periodStart, periodEnd: report.periodEnd, publishedOn: report.publishedOn, status: report.status.rawValue,
                              withdrawnReason: report.status == .withdrawn ? report.withdrawnReason : nil,
                              languages: report.languages.split(separator: ",").map(String.init), sample: report.sample,
                              files: (catalog.files[report.id ?? 0] ?? []).map {
                                  Document.File(name: $0.label, kind: $0.kind, sha256: $0.sha256, url: ReportRoute.file($0.id ?? 0).href(context),
                                                size: $0.size, downloads: $0.downloads)
                              })
            },
            deadlines: catalog.deadlines.rows.map {
                Document.Deadline(type: $0.expected.type, coveredYear: $0.coveredYear, due: $0.dueDate, state: $0.state.rawValue, reportID: $0.report?.id)
            },
            onTimeRate: catalog.deadlines.onTimeRate), total: catalog.reports.count, request: request, context: context)
    }

    @Sendable func atom(_ request: Request, context: CivicContext) async throws -> Response {
        let catalog = try await catalog(context)
        let entries = catalog.reports.prefix(50).map { report in
            AtomFeed.Entry(id: "urn:opencommune:\(context.tenant.slug):reports:\(report.id ?? 0)", title: context.localized(report.title),
                           updated: "\(report.publishedOn ?? "2000-01-01")T00:00:00Z", author: context.text("reports.title"),
                           href: ReportRoute.report(report.id ?? 0).href(context),
                           summary: report.status == .withdrawn ? context.localized(report.withdrawnReason) : context.localized(report.summary))
        }
        let body = try AtomFeed(id: "urn:opencommune:\(context.tenant.slug):reports", title: context.text("reports.title"),
                                updated: (catalog.reports.compactMap(\.publishedOn).max() ?? "2000-01-01") + "T00:00:00Z",
                                selfHref: ReportRoute.feed.href(context), siteHref: ReportRoute.list.href(context), entries: Array(entries)).render(context)
        return DataResponse.publicText(body, contentType: "application/atom+xml; charset=utf-8", downloadName: nil)
    }
}
