import CivicSDK
import Foundation

/// A submitted report form, checked; keeps what was typed for showing the form again.
struct ReportForm: Sendable {
    var title: LocalizedText
    var summary: LocalizedText
    var type: String
    var year: String
    var periodStart: String
    var periodEnd: String
    var publishedOn: String
    var languages: [String]
    /// Link-target ids of the items the report evidences.
    var links: [String] = []
    var errors: [String] = []

    static let acceptedKinds: Set<FileKind> = [.pdf, .odt, .ods, .docx, .xlsx, .csv, .png, .jpeg, .webp, .gif]
    static let maxFileBytes = 10 * 1_048_576

    init(report: Report) {
        title = report.title
        summary = report.summary
        type = report.type
        year = String(report.year)
        periodStart = report.periodStart ?? ""
        periodEnd = report.periodEnd ?? ""
        publishedOn = report.publishedOn ?? ""
        languages = report.languages.split(separator: ",").map(String.init)
    }

    init(_ form: FormData, context: CivicContext, types: Set<String>, targets: Set<String>) {
        let locales = context.tenant.locales
        title = form.localized("title", locales: locales)
        summary = form.localized("summary", locales: locales)
        type = form.text("type")
        year = form.text("year")
        periodStart = form.text("period_start")
        periodEnd = form.text("period_end")
        publishedOn = form.text("published_on")
        languages = Locales.supported.filter { form.all("languages").contains($0) }
        links = form.all("links")
        if links.contains(where: { !targets.contains($0) }) { errors.append(context.text("reports.error.link")) }
        if title.isEmpty { errors.append(context.text("reports.error.title")) }
        if !types.contains(type) { errors.append(context.text("reports.error.type")) }
        if Int(year).map({ (1900...2200).contains($0) }) != true { errors.append(context.text("reports.error.year")) }
        for value in [periodStart, periodEnd, publishedOn] where !value.isEmpty && Self.day(value) == nil {
            errors.append(context.text("reports.error.date"))
            break
        }
        if let start = Self.day(periodStart), let end = Self.day(periodEnd), end < start { errors.append(context.text("reports.error.period")) }
        if title.values.values.contains(where: { $0.count > 300 }) || summary.values.values.contains(where: { $0.count > 5_000 }) {
            errors.append(context.text("reports.error.length"))
        }
    }

    static func day(_ raw: String) -> String? { ISODate.day(raw) }

    func apply(to report: inout Report) {
        report.title = title
        report.summary = summary
        report.type = type
        report.year = Int(year) ?? report.year
        report.periodStart = periodStart.isEmpty ? nil : periodStart
        report.periodEnd = periodEnd.isEmpty ? nil : periodEnd
        report.publishedOn = publishedOn.isEmpty ? report.publishedOn.flatMap { report.status == .draft ? nil : $0 } : publishedOn
        report.languages = languages.joined(separator: ",")
    }

    func page(context: CivicContext, types: [ReportType], targets: [LinkTarget]) -> ReportFormPage {
        ReportFormPage(
            targets: targets.map { .init(value: $0.id, label: context.localized($0.title), checked: links.contains($0.id)) },
            locales: context.tenant.locales.map { ReportLocale(code: $0, title: title.values[$0] ?? "", summary: summary.values[$0] ?? "") },
            types: types.map { .init(value: $0.key, label: context.localized($0.label), selected: $0.key == type) },
            year: year, periodStart: periodStart, periodEnd: periodEnd, publishedOn: publishedOn,
            languages: Locales.supported.map { ReportLocale(code: $0, checked: languages.contains($0)) },
            errors: errors, missing: MissingTranslations.warning(for: [title, summary], context: context))
    }
}
