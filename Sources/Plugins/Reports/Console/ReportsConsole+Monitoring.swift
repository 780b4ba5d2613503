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
        let content = try await services.monitoring.report(context, period: period)
        let title = input.resolvedTitle(context, period: period)
        guard context.form.text("step") == "publish" else {
            let preview = MonitoringDocument(title: title, content: content, introduction: input.introduction, conclusions: input.conclusions,
                                             published: nil, today: [:], context: context)
            return try await renderMonitoring(context, input: input, preview: preview, status: .ok)
        }
        let locales = context.tenant.locales, today = context.tenant.today
        let summary = LocalizedText(each: locales) { locale in
            let dates = DateText(locale: locale, formats: context.tenant.formats)
            return context.renderer.text("reports.monitoring.summary", module: ReportsModule.id, locale: locale)
                .replacingOccurrences(of: "{from}", with: dates.day(period.start).text).replacingOccurrences(of: "{to}", with: dates.day(period.end).text)
        }
        let id = try await context.database.write { db -> Int64 in
            var report = Report(title: title, summary: summary, type: input.type, periodStart: period.start, periodEnd: period.end, year: period.year,
                                publishedOn: today, languages: locales.joined(separator: ","), status: .published, withdrawnReason: [:], sample: false,
                                createdAt: Date(), updatedAt: Date())
            try report.insert(db)
            let id = report.id ?? 0
            try GeneratedReport(reportID: id, content: content, introduction: input.introduction, conclusions: input.conclusions, generatedAt: Date()).insert(db)
            try ReportSearch.index(db, report)
            try context.audit(db, action: "publish", itemType: "report", itemID: String(id), summary: today,
                              changes: FieldChange.diff(old: [:], new: report.auditFields))
            try Self.announce(db, report, headline: "reports.news.published", detail: summary, context: context)
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
