import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// A generated monitoring report as published: `{root}/reports/{id}/read` (ready to read and print
/// on A4; a figure corrected since shows its value today beside the published one) and
/// `{root}/reports/{id}/figures.csv` (the frozen figures).
struct GeneratedReportRoutes {
    let services: ModuleServices

    func register(_ group: RouterGroup<CivicContext>) {
        group.get(":id/read", use: read)
        group.get(":id/figures.csv", use: figures)
    }

    /// The report and its generated content, when the visitor may see it.
    private func load(_ context: CivicContext) async throws -> (Report, GeneratedReport) {
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: context.text("reports.error.not_found")) }
        let editor = context.can("reports.edit")
        let found = try await context.database.read { db -> (Report, GeneratedReport)? in
            guard let report = try Report.fetchOne(db, key: id), report.isPublic || editor,
                  let generated = try GeneratedReport.fetchOne(db, key: id) else { return nil }
            return (report, generated)
        }
        guard let found else { throw HTTPError(.notFound, message: context.text("reports.error.not_found")) }
        return found
    }

    @Sendable func read(_ request: Request, context: CivicContext) async throws -> Response {
        let (report, generated) = try await load(context)
        let id = report.id ?? 0
        // the figures of the period's end as the data gives them today: a later correction shows beside the published value
        var today: [String: Indicator] = [:]
        if let end = FigureMoment.endOf(day: generated.content.period.end, context.tenant) { today = try await services.figures.figures(context, at: end) }
        let document = MonitoringDocument(title: report.title, content: generated.content, introduction: generated.introduction,
                                          conclusions: generated.conclusions, published: report.publishedOn, today: today, context: context)
        let page = MonitoringReportPage(document: document, reportHref: ReportRoute.report(id).href(context), csvHref: ReportRoute.figuresCSV(id).href(context))
        return try context.render(page, title: context.localized(report.title))
    }

    @Sendable func figures(_ request: Request, context: CivicContext) async throws -> Response {
        let (report, generated) = try await load(context)
        let locales = context.tenant.locales
        let rows = generated.content.figures.map { figure in
            [figure.id, generated.content.period.end, NumberText.plain(figure.value)] + locales.map { figure.title.values[$0] ?? "" }
                + [figure.unit.resolve(context.tenant.defaultLocale, fallbacks: locales)]
        }
        return DataResponse.publicText(CSV.document(header: ["figure", "date", "value"] + locales.map { "title.\($0)" } + ["unit"], rows: rows),
                                       contentType: "text/csv; charset=utf-8", downloadName: "\(context.tenant.slug)-report-\(report.id ?? 0)-figures.csv")
    }
}
