import CivicSDK
import Foundation
import GRDB

/// An instance's part of a monitoring report: the meetings it held and the opinions it adopted in
/// the period, each opinion with what the commune did with it and why.
enum InstanceMonitoring {
    static func sections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer w: MonitoringWriter) throws -> [MonitoringSection] {
        guard tenant.kind == .instance else { return [] }
        let meetings = try Row.fetchAll(db, sql: """
            SELECT id, starts_at, place, attendance FROM instance_meeting
            WHERE status = 'held' AND substr(starts_at, 1, 10) BETWEEN ? AND ? ORDER BY starts_at
            """, arguments: [period.start, period.end])
        let opinions = try Row.fetchAll(db, sql: """
            SELECT id, title, adopted_on, follow_up, follow_up_reason FROM instance_opinion WHERE adopted_on BETWEEN ? AND ? ORDER BY adopted_on
            """, arguments: [period.start, period.end])
        guard !meetings.isEmpty || !opinions.isEmpty else { return [] }
        let count = { (value: Int) in w.number(Double(value), fractionDigits: 0) }
        return [MonitoringSection(
            title: w.text("instances.report.title"),
            paragraphs: [w.fill("instances.report.summary", ["meetings": count(meetings.count), "opinions": count(opinions.count)])],
            tables: [
                .init(caption: w.text("instances.report.meetings"), header: [w.text("instances.date"), w.text("instances.place"), w.text("instances.attendance")],
                      rows: meetings.map { row in
                          [.init(w.dates.dateTime(local: row["starts_at"]).text, href: InstanceRoute.meeting(row["id"]).path(w.root)),
                           .init(w.localized(LocalizedText(json: row["place"]))), .init((row["attendance"] as Int?).map(count) ?? "—")]
                      }),
                .init(caption: w.text("instances.report.opinions"),
                      header: [w.text("instances.opinion"), w.text("instances.adopted_on"), w.text("instances.follow_up_label"), w.text("instances.report.reason")],
                      rows: opinions.map { row in
                          let followUp: String? = row["follow_up"]
                          return [.init(w.localized(LocalizedText(json: row["title"])), href: InstanceRoute.opinion(row["id"]).path(w.root)),
                                  .init(w.dates.day(row["adopted_on"] as String).text),
                                  .init(followUp.map { w.text("instances.follow_up.\($0)") } ?? w.text("instances.report.awaiting")),
                                  .init(w.localized(LocalizedText(json: row["follow_up_reason"])))]
                      }),
            ])]
    }
}
