import CivicSDK
import GRDB

/// The archive's part of a monitoring report: the reports published during the period.
enum ReportMonitoring {
    static func sections(_ db: Database, period: MonitoringPeriod, writer w: MonitoringWriter) throws -> [MonitoringSection] {
        let reports = try Report.filter(Report.Columns.status == Report.Status.published.rawValue
                                        && Report.Columns.publishedOn >= period.start && Report.Columns.publishedOn <= period.end)
            .order(Report.Columns.publishedOn).fetchAll(db)
        guard !reports.isEmpty else { return [] }
        let types = Dictionary(uniqueKeysWithValues: try ReportType.fetchAll(db).map { ($0.key, $0.label) })
        return [MonitoringSection(
            title: w.text("reports.report.title"),
            tables: [.init(caption: w.text("reports.report.caption"), header: [w.text("reports.report.document"), w.text("reports.type"), w.text("reports.published_on")],
                           rows: reports.map { report in
                               [.init(w.localized(report.title), href: ReportRoute.report(report.id ?? 0).path(w.root)),
                                .init(types[report.type].map(w.localized) ?? report.type), .init(report.publishedOn.map { w.dates.day($0).text } ?? "—")]
                           })])]
    }
}
