import CivicSDK
import Foundation
import GRDB

/// Everything `{root}/plans` shows, read in a fixed number of queries whatever the plan's size.
struct PlanOverview: Sendable {
    struct Row: Sendable {
        let commitment: Commitment
        let activities: [Activity]
        /// Average of the activities' progress (the status's progress when there are none).
        let progress: Int
        let lateActivities: Int
    }

    let plan: Plan
    let rows: [Row]
    let statuses: [String: PlanStatus]
    /// Average of the commitments' progress.
    let progress: Int
    /// The budget lines of the commitments listed.
    let budget: [BudgetLine]

    /// Loads the current plan; editors see unpublished commitments too.
    static func load(_ db: Database, includeUnpublished: Bool, today: YearMonth) throws -> PlanOverview? {
        guard let plan = try Plan.current(db), let planID = plan.id, includeUnpublished || plan.isPublic else { return nil }
        let statuses = Dictionary(uniqueKeysWithValues: try PlanStatus.fetchAll(db).map { ($0.key, $0) })
        var request = Commitment.filter(Commitment.Columns.planID == planID)
        if !includeUnpublished { request = request.filter(Commitment.Columns.published == true) }
        let commitments = try request.order(Commitment.Columns.position, Commitment.Columns.number).fetchAll(db)
        let ids = commitments.compactMap(\.id)
        let activities = Dictionary(grouping: try Activity.filter(ids.contains(Activity.Columns.commitmentID))
            .order(Activity.Columns.position, Activity.Columns.plannedStart).fetchAll(db), by: \.commitmentID)
        let rows = commitments.map { commitment -> Row in
            let own = activities[commitment.id ?? 0] ?? []
            return Row(commitment: commitment, activities: own,
                       progress: rollup(own, status: statuses[commitment.status]),
                       lateActivities: own.filter { $0.isLate(today: today, statuses: statuses) }.count)
        }
        let overall = rows.isEmpty ? 0 : Int((Double(rows.map(\.progress).reduce(0, +)) / Double(rows.count)).rounded())
        return PlanOverview(plan: plan, rows: rows, statuses: statuses, progress: overall, budget: try BudgetLine.lines(db, commitments: ids))
    }

    /// A commitment's progress: the plain average of its activities (each counts the same).
    static func rollup(_ activities: [Activity], status: PlanStatus?) -> Int {
        guard !activities.isEmpty else { return status?.progress ?? 0 }
        return Int((Double(activities.map(\.progress).reduce(0, +)) / Double(activities.count)).rounded())
    }
}
