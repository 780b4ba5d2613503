import CivicSDK

/// Every address of the `plans` module, written once.
enum PlanRoute: TenantRoute, Equatable {
    case plan, commitment(Int), activity(commitment: Int, id: Int64), revisions, revision(Int), exportCSV, exportJSON, budgetCSV, feed
    case cocreation(Int64), draftCommitment(Int), drafting, draftingCommitments, adopt, proposalCommitment(Int64)
    case console, planForm, importCSV, statuses, freeze
    case commitments, newCommitment, editCommitment(Int64), publication(Int64, publish: Bool)
    case activities(Int64), newActivity(Int64), editActivity(Int64), updates(Int64), indicators(Int64), indicatorValues(Int64)
    case indicator(Int64), deleteIndicator(Int64), budget(Int64), deleteBudgetLine(Int64)

    var path: String {
        switch self {
        case .plan: "/plans"
        case .commitment(let number): "/plans/\(number)"
        case .activity(let number, let id): "/plans/\(number)#activity-\(id)"
        case .revisions: "/plans/revisions"
        case .revision(let number): "/plans/revisions/\(number)"
        case .exportCSV: "/plans/export.csv"
        case .exportJSON: "/plans/export.json"
        case .budgetCSV: "/plans/budget.csv"
        case .cocreation(let id): "/plans/cocreation/\(id)"
        case .draftCommitment(let number): "/plans/draft/\(number)"
        case .drafting: "/admin/plans/drafting"
        case .draftingCommitments: "/admin/plans/drafting/commitments"
        case .adopt: "/admin/plans/drafting/adopt"
        case .proposalCommitment(let id): "/admin/plans/proposals/\(id)/commitment"
        case .feed: "/plans/feed.atom"
        case .console: "/admin/plans"
        case .planForm: "/admin/plans/plan"
        case .importCSV: "/admin/plans/import"
        case .statuses: "/admin/plans/statuses"
        case .freeze: "/admin/plans/revisions"
        case .commitments: "/admin/plans/commitments"
        case .newCommitment: "/admin/plans/commitments/new"
        case .editCommitment(let id): "/admin/plans/commitments/\(id)"
        case .publication(let id, let publish): "/admin/plans/commitments/\(id)/\(publish ? "publish" : "unpublish")"
        case .activities(let id): "/admin/plans/commitments/\(id)/activities"
        case .newActivity(let id): "/admin/plans/commitments/\(id)/activities/new"
        case .editActivity(let id): "/admin/plans/activities/\(id)"
        case .updates(let id): "/admin/plans/commitments/\(id)/updates"
        case .indicators(let id): "/admin/plans/commitments/\(id)/indicators"
        case .indicatorValues(let id): "/admin/plans/indicators/\(id)/values"
        case .indicator(let id): "/admin/plans/indicators/\(id)"
        case .deleteIndicator(let id): "/admin/plans/indicators/\(id)/delete"
        case .budget(let id): "/admin/plans/commitments/\(id)/budget"
        case .deleteBudgetLine(let id): "/admin/plans/budget/\(id)/delete"
        }
    }
}
