import CivicSDK
import Foundation
import GRDB

/// How far each published commitment of the current plan had come at the end of a day, rebuilt from
/// dated facts: the progress updates (each dated, carrying a new progress or status) and the
/// activities' actual dates. What nothing dates (a status set in the console before any update) counts
/// from the start: the reconstruction is only as precise as the updates staff recorded.
struct PlanState: Sendable {
    struct CommitmentState: Sendable {
        let commitment: Commitment
        let status: String
        let progress: Int
        let activities: [ActivityState]
    }

    struct ActivityState: Sendable {
        let activity: Activity
        let progress: Int
        let isDone: Bool
        let isLate: Bool
    }

    let plan: Plan
    let commitments: [CommitmentState]

    /// The plan in force's public state at `moment` (now: the current values), or `nil` when there is
    /// no public plan or the moment comes before its first year.
    static func load(_ db: Database, at moment: FigureMoment) throws -> PlanState? {
        guard let plan = try Plan.current(db), let planID = plan.id, plan.isPublic, moment.year >= plan.startYear else { return nil }
        let commitments = try Commitment.filter(Commitment.Columns.planID == planID && Commitment.Columns.published == true)
            .order(Commitment.Columns.position, Commitment.Columns.number).fetchAll(db)
        let ids = commitments.compactMap(\.id)
        let activities = Dictionary(grouping: try Activity.filter(ids.contains(Activity.Columns.commitmentID))
            .order(Activity.Columns.position).fetchAll(db), by: \.commitmentID)
        let updates = Dictionary(grouping: try ProgressUpdate.filter(ids.contains(ProgressUpdate.Columns.commitmentID))
            .order(ProgressUpdate.Columns.date, ProgressUpdate.Columns.id).fetchAll(db), by: \.commitmentID)
        let statuses = Dictionary(uniqueKeysWithValues: try PlanStatus.fetchAll(db).map { ($0.key, $0) })
        let month = YearMonth(moment.month) ?? YearMonth(year: 2000, month: 1)!
        return PlanState(plan: plan, commitments: commitments.map { commitment in
            let facts = updates[commitment.id ?? 0] ?? []
            let own = facts.filter { $0.activityID == nil }
            let status = moment.isNow ? commitment.status : value(own.map { ($0.date, $0.newStatus) }, at: moment.day, current: commitment.status, before: "not_started")
            let states = (activities[commitment.id ?? 0] ?? []).map { activity in
                activityState(activity, facts: facts.filter { $0.activityID == activity.id }, moment: moment, month: month, statuses: statuses)
            }
            let progress = states.isEmpty ? statuses[status]?.progress ?? 0
                : Int((Double(states.map(\.progress).reduce(0, +)) / Double(states.count)).rounded())
            return CommitmentState(commitment: commitment, status: status, progress: progress, activities: states)
        })
    }

    private static func activityState(_ activity: Activity, facts: [ProgressUpdate], moment: FigureMoment, month: YearMonth,
                                      statuses: [String: PlanStatus]) -> ActivityState {
        let finishedBy = activity.actualEnd.flatMap(YearMonth.init).map { $0 <= month } ?? false
        let progress: Int
        if moment.isNow {
            progress = activity.progress
        } else if finishedBy {
            progress = 100
        } else {
            let started = activity.actualStart.flatMap(YearMonth.init).map { $0 <= month } ?? true
            progress = value(facts.map { ($0.date, $0.newProgress) }, at: moment.day, current: started ? activity.progress : 0, before: 0)
        }
        // a finished or cancelled activity is never late; one finished after the moment was still running then
        let closed = statuses[activity.status]?.complete == true && (moment.isNow || activity.actualEnd == nil || finishedBy)
        let late = (YearMonth(activity.plannedEnd).map { $0 < month } ?? false) && progress < 100 && !closed
        return ActivityState(activity: activity, progress: progress, isDone: progress >= 100 || (moment.isNow ? false : finishedBy), isLate: late)
    }

    /// The value dated facts give at `day`: the last one on or before it; else, when a later fact
    /// changed it, what it was before (`before`); else the current value, which nothing dated changed.
    static func value<T>(_ facts: [(date: String, value: T?)], at day: String, current: T, before: T) -> T {
        let dated = facts.compactMap { fact in fact.value.map { (fact.date, $0) } }
        if let last = dated.last(where: { $0.0 <= day }) { return last.1 }
        return dated.contains(where: { $0.0 > day }) ? before : current
    }

    /// Plan progress: the mean of the commitments' progress, in percent.
    var progress: Double {
        commitments.isEmpty ? 0 : (Double(commitments.map(\.progress).reduce(0, +)) / Double(commitments.count)).rounded()
    }

    /// Activities past their planned end and not done.
    var lateActivities: Int { commitments.map { $0.activities.filter(\.isLate).count }.reduce(0, +) }
}
