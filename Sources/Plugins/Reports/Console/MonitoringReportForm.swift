import CivicSDK
import Foundation

/// The monitoring report's form: the period (a year, a half-year, or any span such as a mid-term
/// review), the report's type and title, and what staff write around the generated content — an
/// introduction and conclusions in each language. Keeps what was typed, with each problem by field.
struct MonitoringReportForm: Sendable {
    static let presets = ["year", "first_half", "second_half", "custom"]

    var preset = "year", year = "", start = "", end = "", type = "annual_report"
    var title: LocalizedText = [:], introduction: LocalizedText = [:], conclusions: LocalizedText = [:]
    var problems = FieldProblems()

    /// The empty form: last year, as an annual report.
    init(today: String) {
        year = String((Int(today.prefix(4)) ?? 2001) - 1)
    }

    init(_ form: FormData, context: CivicContext, types: Set<String>) {
        let locales = context.tenant.locales
        preset = form.text("preset")
        year = form.text("year")
        start = form.text("start")
        end = form.text("end")
        type = form.text("type")
        title = form.localized("title", locales: locales)
        introduction = form.localized("introduction", locales: locales)
        conclusions = form.localized("conclusions", locales: locales)
        if !Self.presets.contains(preset) { problems.add("preset", context.text("reports.monitoring.error.preset")) }
        if preset != "custom" && Int(year).map({ (1900...2200).contains($0) }) != true { problems.add("year", context.text("reports.error.year")) }
        if preset == "custom" {
            if ISODate.day(start) == nil { problems.add("start", context.text("reports.error.date")) }
            if ISODate.day(end) == nil { problems.add("end", context.text("reports.error.date")) }
        }
        if problems.isEmpty {
            if let period {
                if period.end > context.tenant.today { problems.add(preset == "custom" ? "end" : "year", context.text("reports.monitoring.error.future")) }
            } else {
                problems.add("end", context.text("reports.error.period"))
            }
        }
        if !types.contains(type) { problems.add("type", context.text("reports.error.type")) }
        if title.values.values.contains(where: { $0.count > 300 }) { problems.add("title", context.text("reports.error.length")) }
        if introduction.values.values.contains(where: { $0.count > 20_000 }) { problems.add("introduction", context.text("reports.error.length")) }
        if conclusions.values.values.contains(where: { $0.count > 20_000 }) { problems.add("conclusions", context.text("reports.error.length")) }
    }

    /// The period the form names, when it names one.
    var period: MonitoringPeriod? {
        guard let year = Int(year) else { return preset == "custom" ? MonitoringPeriod(start: start, end: end) : nil }
        switch preset {
        case "year": return .year(year)
        case "first_half": return MonitoringPeriod(start: "\(year)-01-01", end: "\(year)-06-30")
        case "second_half": return MonitoringPeriod(start: "\(year)-07-01", end: "\(year)-12-31")
        default: return MonitoringPeriod(start: start, end: end)
        }
    }

    /// The title given, else "Monitoring report of the action plan — 2024" (or the period's dates) in each language.
    func resolvedTitle(_ context: CivicContext, period: MonitoringPeriod) -> LocalizedText {
        guard title.isEmpty else { return title }
        let span = preset == "year" ? year : nil
        return LocalizedText(each: context.tenant.locales) { locale in
            let dates = DateText(locale: locale, formats: context.tenant.formats)
            let when = span ?? "\(dates.day(period.start).text) – \(dates.day(period.end).text)"
            return context.renderer.text("reports.monitoring.default_title", module: ReportsModule.id, locale: locale)
                .replacingOccurrences(of: "{period}", with: when)
        }
    }

    func fields(_ context: CivicContext, types: [ReportType]) -> FormFields {
        var fields = FormFields(context, labels: "reports.monitoring.field")
        fields.errors = problems.byField
        fields.select("preset", options: Self.presets.map { ($0, context.text("reports.monitoring.preset.\($0)")) }, selected: preset)
        fields.text("year", value: year, inputMode: "numeric", help: context.text("reports.monitoring.help.year"))
        fields.text("start", value: start, help: context.text("reports.monitoring.help.custom"))
        fields.text("end", value: end, help: context.text("reports.monitoring.help.custom"))
        fields.select("type", options: types.map { ($0.key, context.localized($0.label)) }, selected: type)
        fields.localized("title", value: title, help: context.text("reports.monitoring.help.title"))
        fields.localized("introduction", value: introduction, multiline: true, help: context.text("reports.monitoring.help.markdown"))
        fields.localized("conclusions", value: conclusions, multiline: true, help: context.text("reports.monitoring.help.markdown"))
        return fields
    }
}
