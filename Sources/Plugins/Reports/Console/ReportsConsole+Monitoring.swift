import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// The monitoring report in one click: staff choose a period, write an introduction and conclusions,
/// preview what the platform writes from its data, then publish it — frozen (content and figures) as
/// a report of the archive, counted like any other.
extension ReportsConsole {
    @Sendable func monitoringForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        return try await renderMonitoring(context, input: MonitoringReportForm(today: context.tenant.today), preview: nil, status: .ok)
    }

    @Sendable func monitoring(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let types = try await types(context)
        let input = MonitoringReportForm(context.form, context: context, types: Set(types.map(\.key)))
        guard input.problems.isEmpty, let period = input.period else {
            return try await renderMonitoring(context, input: input, preview: nil, status: .badRequest)
        }
        let content = try await services.monitoring.report(context.tenant, root: context.root, database: context.database, period: period)
        let title = input.resolvedTitle(context, period: period)
        guard context.form.text("step") == "publish" else {
            let preview = MonitoringDocument(title: title, content: content, introduction: input.introduction, conclusions: input.conclusions,
                                             published: nil, today: [:], context: context)
            return try await renderMonitoring(context, input: input, preview: preview, status: .ok)
        }
        let today = context.tenant.today
        let id = try await context.database.write { db -> Int64 in
            let summary = GeneratedReport.summary(period, tenant: context.tenant) {
                context.renderer.text("reports.monitoring.summary", module: ReportsModule.id, locale: $0)
            }
            let report = try GeneratedReport.publish(db, title: title, summary: summary, type: input.type, content: content,
                                                     introduction: input.introduction, conclusions: input.conclusions, publishedOn: today,
                                                     tenant: context.tenant, sample: false)
            let id = report.id ?? 0
            try context.audit(db, action: "publish", itemType: "report", itemID: String(id), summary: today,
                              changes: FieldChange.diff(old: [:], new: report.auditFields))
            try Self.announce(db, report, headline: "reports.news.published", detail: report.summary, context: context)
            return id
        }
        return context.redirect(ReportRoute.report(id), notice: .published)
    }

    private func renderMonitoring(_ context: CivicContext, input: MonitoringReportForm, preview: MonitoringDocument?,
                                  status: HTTPResponse.Status) async throws -> Response {
        let page = MonitoringFormPage(action: ReportRoute.monitoring.href(context), formFields: input.fields(context, types: try await types(context)).items,
                                      errors: input.problems.messages, backHref: ReportRoute.console.href(context), preview: preview)
        return try context.render(page, title: context.text("reports.monitoring.heading"), status: status)
    }
}
