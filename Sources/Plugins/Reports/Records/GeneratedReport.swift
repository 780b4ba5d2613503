import CivicSDK
import Foundation
import GRDB

/// A monitoring report written by the platform (see ``MonitoringContent``), stored whole when
/// published beside its ``Report`` row: what it said and its figures never change afterwards.
struct GeneratedReport: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report_generated"
    var reportID: Int64
    var content: MonitoringContent
    var introduction: LocalizedText
    var conclusions: LocalizedText
    var generatedAt: Date

    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case content, introduction, conclusions
        case reportID = "report_id", generatedAt = "generated_at"
    }

    /// The content is stored as JSON text, keys sorted so the same report always reads the same.
    static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// "Monitoring report written by the platform … from {from} to {to}" in every language of `tenant`,
    /// from the template `text(locale)`.
    static func summary(_ period: MonitoringPeriod, tenant: Tenant, text: (String) -> String) -> LocalizedText {
        LocalizedText(each: tenant.locales) { locale in
            let dates = DateText(locale: locale, formats: tenant.formats)
            return text(locale).replacingOccurrences(of: "{from}", with: dates.day(period.start).text).replacingOccurrences(of: "{to}", with: dates.day(period.end).text)
        }
    }

    /// Files `content` as a published report of the archive, with its frozen content; returns the report.
    static func publish(_ db: Database, title: LocalizedText, summary: LocalizedText, type: String, content: MonitoringContent,
                        introduction: LocalizedText, conclusions: LocalizedText, publishedOn: String, tenant: Tenant, sample: Bool) throws -> Report {
        let period = content.period
        var report = Report(title: title, summary: summary, type: type, periodStart: period.start, periodEnd: period.end, year: period.year,
                            publishedOn: publishedOn, languages: tenant.locales.joined(separator: ","), status: .published, withdrawnReason: [:],
                            sample: sample, createdAt: Date(), updatedAt: Date())
        try report.insert(db)
        try GeneratedReport(reportID: report.id ?? 0, content: content, introduction: introduction, conclusions: conclusions, generatedAt: Date()).insert(db)
        try ReportSearch.index(db, report)
        return report
    }
}
