import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `GET {root}/api/v1/plans`: the current plan with its published commitments and activities.
struct PlansAPI {
    struct ActivityItem: Codable, Sendable {
        let title: LocalizedText
        let plannedStart: String
        let plannedEnd: String
        let actualStart: String?
        let actualEnd: String?
        let status: String
        let progress: Int
    }

    struct CommitmentItem: Codable, Sendable {
        let number: Int
        let title: LocalizedText
        let principles: [String]
        let leadServices: LocalizedText
        let status: String
        let completion: String
        let progress: Int
        let lateActivities: Int
        let activities: [ActivityItem]
    }

    struct PlanDocument: ResponseEncodable {
        let title: LocalizedText
        let startYear: Int
        let endYear: Int
        let status: String
        let progress: Int
        let commitments: [CommitmentItem]
    }

    func register(_ group: RouterGroup<CivicContext>) {
        group.get { _, context -> PlanDocument in
            let today = YearMonth(Date())
            guard let overview = try await context.database.read({ db in try PlanOverview.load(db, includeUnpublished: false, today: today) }) else {
                throw HTTPError(.notFound, message: "This tenant has no action plan yet.")
            }
            return PlanDocument(
                title: overview.plan.title, startYear: overview.plan.startYear, endYear: overview.plan.endYear,
                status: overview.plan.status, progress: overview.progress,
                commitments: overview.rows.map { row in
                    CommitmentItem(number: row.commitment.number, title: row.commitment.title, principles: row.commitment.principleList.map(\.rawValue),
                                   leadServices: row.commitment.leadServices, status: row.commitment.status, completion: row.commitment.completion,
                                   progress: row.progress, lateActivities: row.lateActivities,
                                   activities: row.activities.map {
                                       ActivityItem(title: $0.title, plannedStart: $0.plannedStart, plannedEnd: $0.plannedEnd, actualStart: $0.actualStart,
                                                    actualEnd: $0.actualEnd, status: $0.status, progress: $0.progress)
                                   })
                })
        }
    }
}
