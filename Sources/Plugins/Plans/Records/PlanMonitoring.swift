import CivicSDK
import Foundation
import GRDB

/// The plan's part of a monitoring report: progress and completion per commitment at the period's
/// end, the activities done, late and rescheduled (with the progress notes that explain them), the
/// evidence published, the budget and the indicators against their targets.
enum PlanMonitoring {
    static func sections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer w: MonitoringWriter) throws -> [MonitoringSection] {
        guard let end = FigureMoment.endOf(day: period.end, tenant), let state = try PlanState.load(db, at: end) else { return [] }
        let ids = state.commitments.compactMap(\.commitment.id)
        let statuses = Dictionary(uniqueKeysWithValues: try PlanStatus.fetchAll(db).map { ($0.key, $0) })
        let updates = try ProgressUpdate.filter(ids.contains(ProgressUpdate.Columns.commitmentID))
            .order(ProgressUpdate.Columns.date, ProgressUpdate.Columns.id).fetchAll(db).filter { period.contains($0.date) }
        let numbers = Dictionary(uniqueKeysWithValues: state.commitments.map { ($0.commitment.id ?? 0, $0.commitment.number) })
        let link = { (number: Int) in PlanRoute.commitment(number).path(w.root) }
        return [
            progress(state, statuses: statuses, writer: w, link: link),
            try activities(db, state, period: period, updates: updates, writer: w),
            evidence(updates, numbers: numbers, statuses: statuses, writer: w, link: link),
            budget(try BudgetLine.lines(db, commitments: ids), state: state, period: period, writer: w),
            try indicators(db, state, period: period, writer: w),
        ].compactMap { $0 }
    }

    private static func count(_ value: Int, _ w: MonitoringWriter) -> String { w.number(Double(value), fractionDigits: 0) }

    private static func progress(_ state: PlanState, statuses: [String: PlanStatus], writer w: MonitoringWriter,
                                 link: (Int) -> String) -> MonitoringSection {
        MonitoringSection(
            title: w.text("plans.report.progress_title"),
            paragraphs: [w.fill("plans.report.progress_summary", ["plan": w.localized(state.plan.title), "progress": w.percent(Int(state.progress)),
                                                                  "commitments": count(state.commitments.count, w), "late": count(state.lateActivities, w)])],
            tables: [.init(caption: w.text("plans.report.commitments"),
                           header: [w.text("plans.commitment"), w.text("plans.status_label"), w.text("plans.progress"), w.text("plans.completion_label"),
                                    w.text("plans.report.late_activities")],
                           rows: state.commitments.map { item in
                               [.init("\(item.commitment.number). \(w.localized(item.commitment.title))", href: link(item.commitment.number)),
                                .init(statuses[item.status].map { w.localized($0.label) } ?? item.status), .init(w.percent(item.progress)),
                                .init(w.text("plans.completion.\(item.commitment.completion)")), .init(count(item.activities.filter(\.isLate).count, w))]
                           })])
    }

    /// Done in the period, late at its end, and moved (a planned end changed during the period), each
    /// with the latest progress note on it from the period.
    private static func activities(_ db: Database, _ state: PlanState, period: MonitoringPeriod, updates: [ProgressUpdate],
                                   writer w: MonitoringWriter) throws -> MonitoringSection {
        let all = state.commitments.flatMap { item in item.activities.map { (item.commitment.number, $0) } }
        let ids = all.compactMap { $0.1.activity.id.map(String.init) }
        let moves = try AuditEntry.filter(AuditEntry.Columns.module == PlansModule.id && AuditEntry.Columns.itemType == "activity"
                                          && ids.contains(AuditEntry.Columns.itemID))
            .order(AuditEntry.Columns.at).fetchAll(db)
            .filter { period.contains(w.dates.isoDay($0.at)) }
            .compactMap { entry in entry.fieldChanges.first { $0.field == "planned_end" }.map { (entry.itemID, $0) } }
        let movedTo = Dictionary(moves.map { ($0.0, $0.1) }, uniquingKeysWith: { first, last in FieldChange(field: first.field, old: first.old, new: last.new) })
        let note = { (activity: Activity) in updates.last { $0.activityID == activity.id }.map { w.localized($0.text) } ?? "" }
        let startMonth = String(period.start.prefix(7)), endMonth = String(period.end.prefix(7))
        let rows: [[MonitoringSection.Cell]] = all.compactMap { number, item in
            let activity = item.activity
            let doneInPeriod = activity.actualEnd.map { $0 >= startMonth && $0 <= endMonth } ?? false
            let moved = movedTo[String(activity.id ?? 0)]
            let state: String
            if doneInPeriod { state = w.text("plans.report.done") } else if item.isLate { state = w.text("plans.report.late") }
            else if moved != nil { state = w.text("plans.report.rescheduled") } else { return nil }
            let planned = "\(w.dates.month(activity.plannedStart).text) – \(w.dates.month(activity.plannedEnd).text)"
            let movedText = moved.map { w.fill("plans.report.moved", ["from": $0.old.map { w.dates.month($0).text } ?? "—",
                                                                      "to": $0.new.map { w.dates.month($0).text } ?? "—"]) }
            return [.init("\(number). \(w.localized(activity.title))"), .init(state), .init(planned),
                    .init(activity.actualEnd.map { w.dates.month($0).text } ?? "—"),
                    .init([movedText, note(activity)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — "))]
        }
        return MonitoringSection(title: w.text("plans.report.activities_title"),
                                 paragraphs: rows.isEmpty ? [w.text("plans.report.no_activity_change")] : [],
                                 tables: [.init(caption: w.text("plans.report.activities_caption"),
                                                header: [w.text("plans.activity"), w.text("plans.report.state"), w.text("plans.planned"),
                                                         w.text("plans.report.ended"), w.text("plans.report.note")],
                                                rows: rows)])
    }

    private static func evidence(_ updates: [ProgressUpdate], numbers: [Int64: Int], statuses: [String: PlanStatus], writer w: MonitoringWriter,
                                 link: (Int) -> String) -> MonitoringSection? {
        guard !updates.isEmpty else { return nil }
        return MonitoringSection(
            title: w.text("plans.report.updates_title"),
            tables: [.init(caption: w.text("plans.report.updates_caption"),
                           header: [w.text("plans.date"), w.text("plans.commitment"), w.text("plans.report.note"), w.text("plans.evidence")],
                           rows: updates.map { update in
                               let number = numbers[update.commitmentID] ?? 0
                               return [.init(w.dates.day(update.date).text), .init(String(number), href: link(number)), .init(w.localized(update.text)),
                                       update.evidence.map { .init(update.evidenceLabel ?? $0, href: HostRoute.file($0).path(w.root)) } ?? .init("—")]
                           })])
    }

    private static func budget(_ lines: [BudgetLine], state: PlanState, period: MonitoringPeriod, writer w: MonitoringWriter) -> MonitoringSection? {
        guard let total = BudgetTotals.of(lines, upTo: period.end).first else { return nil }
        let money = { (value: Double) in BudgetTotals.written(value, currency: total.currency, locale: w.locale, digits: w.tenant.formats.digits) }
        let spentInPeriod = lines.filter { $0.kind == .spent && $0.currency == total.currency && period.contains($0.date) }.map(\.amount).reduce(0, +)
        let byCommitment = Dictionary(grouping: lines.filter { $0.currency == total.currency }, by: \.commitmentID)
        return MonitoringSection(
            title: w.text("plans.budget.title"),
            paragraphs: [w.fill("plans.report.budget_summary", ["planned": money(total.planned), "committed": money(total.committed),
                                                                "spent": money(total.spent), "executed": total.executed.map(w.percent) ?? "—",
                                                                "period": money(spentInPeriod)])],
            tables: [.init(caption: w.text("plans.report.budget_caption"),
                           header: [w.text("plans.commitment"), w.text("plans.budget.kind.planned"), w.text("plans.budget.kind.committed"),
                                    w.text("plans.budget.kind.spent"), w.text("plans.budget.executed")],
                           rows: state.commitments.compactMap { item in
                               guard let own = BudgetTotals.of(byCommitment[item.commitment.id ?? 0] ?? [], upTo: period.end).first else { return nil }
                               return [.init("\(item.commitment.number). \(w.localized(item.commitment.title))"), .init(money(own.planned)),
                                       .init(money(own.committed)), .init(money(own.spent)), .init(own.executed.map(w.percent) ?? "—")]
                           })])
    }

    /// Each indicator with its baseline, target and value at the period's end (the last typed on or
    /// before it, or the linked figure's), and how far that is towards the target.
    private static func indicators(_ db: Database, _ state: PlanState, period: MonitoringPeriod, writer w: MonitoringWriter) throws -> MonitoringSection? {
        let ids = state.commitments.compactMap(\.commitment.id)
        let indicators = try PlanIndicator.filter(ids.contains(PlanIndicator.Columns.commitmentID)).order(PlanIndicator.Columns.position).fetchAll(db)
        guard !indicators.isEmpty else { return nil }
        let values = Dictionary(grouping: try PlanIndicatorValue.filter(indicators.compactMap(\.id).contains(PlanIndicatorValue.Columns.indicatorID))
            .filter(PlanIndicatorValue.Columns.date <= period.end).order(PlanIndicatorValue.Columns.date).fetchAll(db), by: \.indicatorID)
        let numbers = Dictionary(uniqueKeysWithValues: state.commitments.map { ($0.commitment.id ?? 0, $0.commitment.number) })
        let show = { (value: Double?, unit: LocalizedText) in value.map { [w.number($0), w.localized(unit)].filter { !$0.isEmpty }.joined(separator: "\u{00A0}") } ?? "—" }
        return MonitoringSection(
            title: w.text("plans.indicators"),
            tables: [.init(caption: w.text("plans.report.indicators_caption"),
                           header: [w.text("plans.commitment"), w.text("plans.field.indicator_name"), w.text("plans.baseline"), w.text("plans.target"),
                                    w.text("plans.report.value_at_end"), w.text("plans.percent_of_target")],
                           rows: indicators.map { indicator in
                               let value = indicator.source.flatMap { w.figures[$0]?.value } ?? values[indicator.id ?? 0]?.last?.value
                               return [.init(String(numbers[indicator.commitmentID] ?? 0)), .init(w.localized(indicator.name)),
                                       .init(show(indicator.baseline, indicator.unit)), .init(show(indicator.target, indicator.unit)), .init(show(value, indicator.unit)),
                                       .init(value.flatMap { indicator.percentOfTarget($0) }.map(w.percent) ?? "—")]
                           })])
    }
}
