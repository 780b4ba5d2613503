import CivicSDK
import Foundation
import GRDB

/// The consultations' part of a monitoring report: each consultation open during the period, its
/// dates, how many answered, and where its results are.
enum ConsultationMonitoring {
    static func sections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer w: MonitoringWriter) throws -> [MonitoringSection] {
        let range = period.instants(tenant)
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.title, c.opens_at, c.closes_at, c.status,
                   (SELECT COUNT(*) FROM consultation_response r WHERE r.consultation_id = c.id AND r.submitted_at < c.closes_at) AS answers
            FROM consultation c
            WHERE c.status != 'draft' AND c.opens_at < :to AND c.closes_at >= :from ORDER BY c.opens_at
            """, arguments: ["from": range.from, "to": range.to])
        guard !rows.isEmpty else { return [] }
        return [MonitoringSection(
            title: w.text("consultations.report.title"),
            tables: [.init(caption: w.text("consultations.report.caption"),
                           header: [w.text("consultations.report.consultation"), w.text("consultations.report.opened"), w.text("consultations.report.closed"),
                                    w.text("consultations.report.answers"), w.text("consultations.report.results")],
                           rows: rows.map { row in
                               let id: Int64 = row["id"]
                               let published = (row["status"] as String) == "published"
                               return [.init(w.localized(LocalizedText(json: row["title"])), href: ConsultationRoute.consultation(id).path(w.root)),
                                       .init(w.dates.day(row["opens_at"] as Date).text), .init(w.dates.day(row["closes_at"] as Date).text),
                                       .init(w.number(Double(row["answers"] as Int), fractionDigits: 0)),
                                       published ? .init(w.text("consultations.report.results_link"), href: ConsultationRoute.results(id).path(w.root))
                                           : .init(w.text("consultations.report.results_pending"))]
                           })])]
    }
}
