import CivicSDK
import Foundation
import GRDB

/// One commitment with everything its public sheet shows, read in a fixed number of queries.
struct CommitmentSheet: Sendable {
    let plan: Plan
    let commitment: Commitment
    let activities: [Activity]
    let updates: [ProgressUpdate]
    let indicators: [PlanIndicator]
    let values: [Int64: [PlanIndicatorValue]]
    let statuses: [String: PlanStatus]
    let history: [AuditEntry]
    let budget: [BudgetLine]

    /// Commitment `number` of the current plan (of `plan` when given: a plan being drafted).
    static func load(_ db: Database, plan given: Plan? = nil, number: Int, includeUnpublished: Bool) throws -> CommitmentSheet? {
        guard let plan = try given ?? Plan.current(db), let planID = plan.id, includeUnpublished || plan.isPublic,
              let commitment = try Commitment.filter(Commitment.Columns.planID == planID && Commitment.Columns.number == number).fetchOne(db),
              let id = commitment.id, commitment.published || includeUnpublished else { return nil }
        let activities = try Activity.filter(Activity.Columns.commitmentID == id).order(Activity.Columns.position, Activity.Columns.plannedStart).fetchAll(db)
        let updates = try ProgressUpdate.filter(ProgressUpdate.Columns.commitmentID == id).order(ProgressUpdate.Columns.date.desc, ProgressUpdate.Columns.id.desc).fetchAll(db)
        let indicators = try PlanIndicator.filter(PlanIndicator.Columns.commitmentID == id).order(PlanIndicator.Columns.position).fetchAll(db)
        let values = Dictionary(grouping: try PlanIndicatorValue.filter(indicators.compactMap(\.id).contains(PlanIndicatorValue.Columns.indicatorID))
            .order(PlanIndicatorValue.Columns.date).fetchAll(db), by: \.indicatorID)
        let statuses = Dictionary(uniqueKeysWithValues: try PlanStatus.fetchAll(db).map { ($0.key, $0) })
        let activityIDs = activities.compactMap { $0.id.map(String.init) }
        let history = try AuditEntry
            .filter(AuditEntry.Columns.module == PlansModule.id)
            .filter((AuditEntry.Columns.itemType == "commitment" && AuditEntry.Columns.itemID == String(id))
                || (AuditEntry.Columns.itemType == "activity" && activityIDs.contains(AuditEntry.Columns.itemID)))
            .order(AuditEntry.Columns.at.desc, AuditEntry.Columns.id.desc).fetchAll(db)
        return CommitmentSheet(plan: plan, commitment: commitment, activities: activities, updates: updates, indicators: indicators,
                               values: values, statuses: statuses, history: history, budget: try BudgetLine.lines(db, commitments: [id]))
    }

    /// The days at which the linked indicators' figures are shown: each baseline date, and the end of
    /// each year of the plan already over.
    func linkedFigureDays(today: String) -> [String] {
        guard indicators.contains(where: { $0.source != nil }) else { return [] }
        let ends = (plan.startYear...max(plan.startYear, plan.endYear)).map { "\($0)-12-31" }
        return Set(indicators.compactMap { $0.source == nil ? nil : $0.baselineDate } + ends).filter { $0 < today }.sorted()
    }

    /// `feedback` holds the number of comments per activity item (`activity:<id>`), when public;
    /// `past`: the figures at the end of each of ``linkedFigureDays(today:)``, by day.
    func page(context: CivicContext, today: YearMonth, figures: [String: Indicator], past: [String: [String: Indicator]] = [:],
              feedback: [String: Int]?) -> CommitmentPage {
        func text(_ key: String) -> String { context.text("plans.\(key)") }
        func status(_ key: String?) -> String { key.map { statuses[$0].map { context.localized($0.label) } ?? $0 } ?? "" }
        let activityRows = activities.map { activity in
            let item = "activity:\(activity.id ?? 0)"
            return CommitmentPage.ActivityRow(
                anchor: "activity-\(activity.id ?? 0)",
                feedback: feedback.map { CommitmentPage.CommentsLink(href: context.feedbackPath(item), count: $0[item] ?? 0) },
                title: context.localized(activity.title), planned: TimeSpan(from: context.dates.month(activity.plannedStart), to: context.dates.month(activity.plannedEnd)),
                actual: activity.actualStart.map { TimeSpan(from: context.dates.month($0), to: activity.actualEnd.map { context.dates.month($0) }) },
                status: status(activity.status), progress: context.percent(activity.progress),
                late: activity.isLate(today: today, statuses: statuses),
                responsible: context.localized(activity.responsible), deliverable: context.localized(activity.deliverable))
        }
        let chartRows = activities.compactMap { activity -> (label: String, planned: TimelineChart.Bar, actual: TimelineChart.Bar?)? in
            guard let start = YearMonth(activity.plannedStart), let end = YearMonth(activity.plannedEnd) else { return nil }
            var actual: TimelineChart.Bar?
            if let actualStart = activity.actualStart.flatMap(YearMonth.init) {
                actual = TimelineChart.Bar(start: actualStart, end: activity.actualEnd.flatMap(YearMonth.init) ?? max(today, actualStart))
            }
            return (context.localized(activity.title), TimelineChart.Bar(start: start, end: end), actual)
        }
        let period = YearMonth(year: plan.startYear, month: 1).flatMap { start in YearMonth(year: plan.endYear, month: 12).map { TimelineChart.Bar(start: start, end: $0) } }
        return CommitmentPage(
            planTitle: context.localized(plan.title), planHref: PlanRoute.plan.href(context),
            number: commitment.number, title: context.localized(commitment.title),
            principles: commitment.principleList.map { text("principle.\($0.rawValue)") },
            leadServices: context.localized(commitment.leadServices),
            otherActors: commitment.otherActors.isEmpty ? nil : context.localized(commitment.otherActors),
            problem: context.shown(commitment.problem), solution: context.shown(commitment.solution),
            expectedResults: context.shown(commitment.expectedResults),
            status: status(commitment.status), completion: text("completion.\(commitment.completion)"),
            progress: context.percent(PlanOverview.rollup(activities, status: statuses[commitment.status])),
            draft: !commitment.published,
            activities: activityRows,
            updates: updates.map { update in
                CommitmentPage.Update(date: context.dates.day(update.date), text: context.localized(update.text), sample: update.sample, newProgress: update.newProgress.map { context.percent($0) },
                                      newStatus: update.newStatus.map { status($0) }, author: update.author,
                                      evidence: update.evidence.map { .init(label: update.evidenceLabel ?? $0, href: HostRoute.file($0).href(context)) })
            },
            indicators: indicators.map { indicatorView($0, context: context, figures: figures, past: past) },
            budget: BudgetView(budget, activities: activities, withLines: true, context: context),
            history: history.map { entry in
                // an activity's change names the activity
                let activity = entry.itemType == "activity" ? activities.first { String($0.id ?? 0) == entry.itemID } : nil
                let action = text("action.\(entry.action)") + (activity.map { " — \(text("history_activity"))\(context.text("colon"))\(context.localized($0.title))" } ?? "")
                return HistoryEntryView(entry, action: action, fieldKeys: "plans.field", value: { field, value in
                    switch field {
                    case "status": status(value)
                    case "completion": text("completion.\(value)")
                    case "principles": value.split(separator: ",").map { text("principle.\($0)") }.joined(separator: ", ")
                    case "budget_kind": text("budget.kind.\(value)")
                    case "activity": activities.first { String($0.id ?? 0) == value }.map { context.localized($0.title) } ?? value
                    default: value
                    }
                }, context: context)
            },
            timeline: TimelineChart(rows: chartRows, period: period, today: today))
    }

    private func indicatorView(_ indicator: PlanIndicator, context: CivicContext, figures: [String: Indicator],
                               past: [String: [String: Indicator]]) -> CommitmentPage.IndicatorView {
        // a linked figure's past values come from the platform's dated facts: its baseline when none was typed,
        // and its value at the end of each year of the plan
        let linkedPast = indicator.source.map { source in
            past.keys.sorted().compactMap { day in past[day]?[source].map { (day: day, value: $0.value) } }
        } ?? []
        let baseline = indicator.baseline ?? indicator.baselineDate.flatMap { date in linkedPast.first { $0.day == date }?.value }
        return CommitmentPage.IndicatorView(
            name: context.localized(indicator.name), kind: context.text("plans.indicator_kind.\(indicator.kind)"),
            unit: context.localized(indicator.unit),
            baseline: baseline.map { context.number($0) } ?? "—",
            target: indicator.target.map { context.number($0) } ?? "—",
            baselineDate: indicator.baselineDate.map { context.dates.day($0) }, targetDate: indicator.targetDate.map { context.dates.day($0) },
            series: indicator.source == nil ? (values[indicator.id ?? 0] ?? []).map { .init(date: context.dates.day($0.date), value: context.number($0.value)) }
                : linkedPast.map { .init(date: context.dates.day($0.day), value: context.number($0.value)) },
            live: indicator.source.map { source in
                .init(value: figures[source].map { context.number($0.value) } ?? "—", source: figures[source].map { context.localized($0.title) } ?? source)
            },
            // how far the latest value (the live figure's, or the last one typed) has come towards the target
            ofTarget: (indicator.source.flatMap { figures[$0]?.value } ?? values[indicator.id ?? 0]?.last?.value)
                .flatMap { indicator.percentOfTarget($0, baseline: baseline) }.map { context.percent($0) })
    }
}
