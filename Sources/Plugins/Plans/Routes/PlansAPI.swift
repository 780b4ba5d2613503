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
        /// Planned, committed and spent, when any amount was entered.
        let budget: BudgetTotals?
    }

    struct PlanDocument: ResponseEncodable {
        let title: LocalizedText
        let startYear: Int
        let endYear: Int
        let status: String
        let progress: Int
        let commitments: [CommitmentItem]
        /// The published commitments' amounts summed, when any was entered.
        let budget: BudgetTotals?
    }

    struct Created: ResponseEncodable {
        let id: Int64
        let commitment: Int
        let url: String
    }

    struct Refused: ResponseEncodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let status: Int
            let problems: [String]
        }
        let error: Detail
    }

    /// `POST {root}/api/v1/plans/commitments/{number}/updates` (a personal access token with `plans.edit`):
    /// the same fields as the console's progress update — `date`, `text.fr`…, `new_progress`, `new_status`, `activity`.
    @Sendable func postUpdate(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        guard let number = Int(try context.parameters.require("number")),
              let commitment = try await context.database.read({ db -> Commitment? in
                  guard let plan = try Plan.current(db) else { return nil }
                  return try Commitment.filter(Commitment.Columns.planID == plan.id && Commitment.Columns.number == number).fetchOne(db)
              }) else { throw HTTPError(.notFound, message: context.text("plans.error.not_found")) }
        let result = try await ProgressUpdates.record(context.form, on: commitment, context: context, evidenceKinds: PlansConsole.evidenceKinds,
                                                      maxEvidenceBytes: PlansConsole.maxEvidenceBytes)
        guard let id = result.id else {
            var response = try context.responseEncoder.encode(
                Refused(error: .init(code: "invalid", message: context.text("form_errors"), status: 422, problems: result.errors.messages)),
                from: request, context: context)
            response.status = .unprocessableContent
            return response
        }
        var response = try context.responseEncoder.encode(Created(id: id, commitment: number, url: PlanRoute.commitment(number).href(context)),
                                                          from: request, context: context)
        response.status = .created
        return response
    }

    func register(_ group: RouterGroup<CivicContext>) {
        group.post("commitments/:number/updates", use: postUpdate)
        group.get { _, context -> PlanDocument in
            let today = YearMonth.current(context.tenant)
            guard let overview = try await context.database.read({ db in try PlanOverview.load(db, includeUnpublished: false, today: today) }) else {
                throw HTTPError(.notFound, message: "This tenant has no action plan yet.")
            }
            let lines = Dictionary(grouping: overview.budget, by: \.commitmentID)
            return PlanDocument(
                title: overview.plan.title, startYear: overview.plan.startYear, endYear: overview.plan.endYear,
                status: overview.plan.status.rawValue, progress: overview.progress,
                commitments: overview.rows.map { row in
                    CommitmentItem(number: row.commitment.number, title: row.commitment.title, principles: row.commitment.principleList.map(\.rawValue),
                                   leadServices: row.commitment.leadServices, status: row.commitment.status, completion: row.commitment.completion,
                                   progress: row.progress, lateActivities: row.lateActivities,
                                   activities: row.activities.map {
                                       ActivityItem(title: $0.title, plannedStart: $0.plannedStart, plannedEnd: $0.plannedEnd, actualStart: $0.actualStart,
                                                    actualEnd: $0.actualEnd, status: $0.status, progress: $0.progress)
                                   },
                                   budget: BudgetTotals.of(lines[row.commitment.id ?? 0] ?? []).first)
                },
                budget: BudgetTotals.of(overview.budget).first)
        }
    }
}
