import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// The console's side of drafting a plan with citizens (`{root}/admin/plans/drafting`): open the
/// public drafting phase for a new plan or a revision of the plan in force, add draft commitments,
/// turn a proposal into a draft commitment (the proposal is answered "adopted", naming it), and
/// adopt the plan, which then replaces the plan in force. Every change is audited.
struct PlansDrafting {
    let services: ModuleServices

    func register(_ group: RouterGroup<CivicContext>) {
        group.get("drafting", use: page)
        group.post("drafting", use: save)
        group.post("drafting/commitments", use: addCommitment)
        group.post("drafting/adopt", use: adopt)
        group.post("proposals/:id/commitment", use: turnIntoCommitment)
    }

    @Sendable func page(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let plan = try await context.database.read { db in try PlanDrafting.current(db) }
        return try await render(context, plan: plan, input: DraftingForm(plan), commitment: nil, status: .ok)
    }

    private func render(_ context: CivicContext, plan: Plan?, input: DraftingForm, commitment: (number: String, title: LocalizedText, problems: FieldProblems)?,
                        status: HTTPResponse.Status) async throws -> Response {
        let (commitments, canRevise) = try await context.database.read { db in
            (try plan.map { try Commitment.filter(Commitment.Columns.planID == $0.id).order(Commitment.Columns.number).fetchAll(db) } ?? [],
             try Plan.current(db) != nil)
        }
        var proposals: [FeedbackProposal] = []
        if let plan { proposals = try await services.feedback.proposals(item: "proposals:\(plan.id ?? 0)", context: context) }
        let became = Dictionary(commitments.compactMap { commitment in commitment.proposal.map { ($0, commitment) } }, uniquingKeysWith: { first, _ in first })
        var commitmentFields = FormFields(context, labels: "plans.field")
        commitmentFields.errors = commitment?.problems.byField ?? [:]
        commitmentFields.text("number", value: commitment?.number ?? String((commitments.map(\.number).max() ?? 0) + 1), required: true, inputMode: "numeric")
        commitmentFields.localized("title", value: commitment?.title ?? [:])
        let page = PlanDraftingPage(
            backHref: PlanRoute.console.href(context), drafting: plan != nil,
            phase: plan.map { PlanDraftingSite.phaseText($0, today: context.tenant.today, context: context) },
            publicHref: plan.map { PlanRoute.cocreation($0.id ?? 0).href(context) }, action: PlanRoute.drafting.href(context),
            formFields: input.fields(context, starting: plan == nil, canRevise: canRevise).items,
            errors: input.problems.messages + (commitment?.problems.messages ?? []),
            commitments: commitments.map { .init(number: $0.number, title: context.localized($0.title), editHref: PlanRoute.editCommitment($0.id ?? 0).href(context),
                                                 published: $0.published) },
            commitmentAction: PlanRoute.draftingCommitments.href(context), commitmentFields: FieldGroup(commitmentFields),
            proposals: proposals.map { proposal in
                let commitment = became[proposal.id]
                return .init(title: proposal.title, href: proposal.href, author: proposal.author,
                             outcome: proposal.outcomeLabel ?? context.text("plans.cocreation.awaiting"),
                             became: commitment.map { LinkView(label: "\($0.number). \(context.localized($0.title))", href: PlanRoute.editCommitment($0.id ?? 0).href(context)) },
                             turnAction: commitment == nil ? PlanRoute.proposalCommitment(proposal.id).href(context) : nil)
            },
            adoptAction: PlanRoute.adopt.href(context))
        return try context.render(page, title: context.text("plans.cocreation.console_title"), status: status)
    }

    /// Opens the drafting phase (copying the plan in force's commitments for a revision), or changes it.
    @Sendable func save(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let existing = try await context.database.read { db in try PlanDrafting.current(db) }
        let input = DraftingForm(context.form, context: context)
        guard input.problems.isEmpty else { return try await render(context, plan: existing, input: input, commitment: nil, status: .badRequest) }
        try await context.database.write { db in
            var plan = input.applied(to: existing ?? Plan(title: [:], description: [:], startYear: 0, endYear: 0, status: .draft,
                                                          createdAt: Date(), updatedAt: Date()))
            let before = existing.map(PlanAudit.snapshot) ?? [:]
            plan.updatedAt = Date()
            try plan.save(db)
            try context.audit(db, action: existing == nil ? "create" : "update", itemType: "plan", itemID: String(plan.id ?? 0),
                              summary: "drafting", changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(plan)))
            if existing == nil, input.revision, let current = try Plan.current(db) { try Self.copyCommitments(db, from: current, to: plan) }
        }
        return context.redirect(PlanRoute.drafting, notice: existing == nil ? .created : .saved)
    }

    /// A revision starts from the plan in force: its commitments and their activities, as drafts to change.
    private static func copyCommitments(_ db: Database, from source: Plan, to plan: Plan) throws {
        let commitments = try Commitment.filter(Commitment.Columns.planID == source.id).fetchAll(db)
        let activities = Dictionary(grouping: try Activity.filter(commitments.compactMap(\.id).contains(Activity.Columns.commitmentID)).fetchAll(db),
                                    by: \.commitmentID)
        for original in commitments {
            var copy = original
            copy.id = nil
            copy.planID = plan.id ?? 0
            copy.updatedAt = Date()
            try copy.insert(db)
            for activity in activities[original.id ?? 0] ?? [] {
                var moved = activity
                moved.id = nil
                moved.commitmentID = copy.id ?? 0
                try moved.insert(db)
            }
        }
    }

    /// A new draft commitment of the plan being drafted: number and title, the rest in its own form.
    @Sendable func addCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let plan = try await drafting(context)
        let number = context.form.text("number"), title = context.form.localized("title", locales: context.tenant.locales)
        var problems = FieldProblems()
        if Int(number).map({ (1...999).contains($0) }) != true { problems.add("number", context.text("plans.error.number")) }
        if title.isEmpty { problems.add("title", context.text("plans.error.title")) }
        if problems.isEmpty {
            do {
                let id = try await insertCommitment(context, plan: plan, number: Int(number) ?? 0, title: title, problem: [:], proposal: nil)
                return context.redirect(PlanRoute.editCommitment(id), notice: .created)
            } catch let error as DatabaseError where error.isUniqueViolation {
                problems.add("number", context.text("plans.error.number_taken"))
            }
        }
        return try await render(context, plan: plan, input: DraftingForm(plan), commitment: (number, title, problems), status: .badRequest)
    }

    /// The proposal becomes a draft commitment (its title and text), and is answered "adopted" with a
    /// link to it; the commitment keeps the proposal it came from.
    @Sendable func turnIntoCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        try context.require("core.respond")
        let plan = try await drafting(context)
        guard let id = Int64(try context.parameters.require("id")),
              let proposal = try await services.feedback.proposals(item: "proposals:\(plan.id ?? 0)", context: context).first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.not_found"))
        }
        let planID = plan.id ?? 0
        let (taken, number) = try await context.database.read { db in
            (try Commitment.filter(Commitment.Columns.proposal == id).fetchCount(db) > 0,
             (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM commitment WHERE plan_id = ?", arguments: [planID]) ?? 0) + 1)
        }
        guard !taken else { throw HTTPError(.conflict, message: context.text("plans.error.proposal_taken")) }
        let locale = context.tenant.defaultLocale
        let commitmentID = try await insertCommitment(context, plan: plan, number: number, title: [locale: proposal.title],
                                                      problem: [locale: proposal.body], proposal: id)
        let reason = LocalizedText(each: context.tenant.locales) { locale in
            context.renderer.text("plans.cocreation.adopted_reason", module: PlansModule.id, locale: locale).replacingOccurrences(of: "{number}", with: String(number))
        }
        try await services.feedback.adopt(id, into: "\(PlansModule.id):draft:\(commitmentID)", reason: reason, context: context)
        return context.redirect(PlanRoute.editCommitment(commitmentID), notice: .created)
    }

    private func insertCommitment(_ context: CivicContext, plan: Plan, number: Int, title: LocalizedText, problem: LocalizedText, proposal: Int64?) async throws -> Int64 {
        try await context.database.write { db in
            var commitment = Commitment(planID: plan.id ?? 0, number: number, title: title, principles: "", leadServices: [:], otherActors: [:],
                                        problem: problem, solution: [:], expectedResults: [:], status: "not_started", completion: "not_started",
                                        published: true, position: number, updatedAt: Date(), proposal: proposal)
            try commitment.insert(db)
            try context.audit(db, action: "create", itemType: "commitment", itemID: String(commitment.id ?? 0), summary: String(number),
                              changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(commitment)))
            return commitment.id ?? 0
        }
    }

    /// The plan being drafted becomes the plan in force; the one it replaces is closed. Proposals
    /// close with it, their record stays public.
    @Sendable func adopt(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let plan = try await drafting(context)
        let today = context.tenant.today
        try await context.database.write { db in
            for var previous in try Plan.filter(Plan.Columns.status == Plan.Status.inForce.rawValue).fetchAll(db) {
                let before = PlanAudit.snapshot(previous)
                previous.status = .closed
                previous.updatedAt = Date()
                try previous.update(db)
                try context.audit(db, action: "update", itemType: "plan", itemID: String(previous.id ?? 0), summary: "replaced",
                                  changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(previous)))
            }
            var adopted = plan
            let before = PlanAudit.snapshot(adopted)
            adopted.status = .inForce
            if (adopted.draftingCloses ?? today) > today { adopted.draftingCloses = today }
            adopted.updatedAt = Date()
            try adopted.update(db)
            try context.audit(db, action: "update", itemType: "plan", itemID: String(adopted.id ?? 0), summary: "adopted",
                              changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(adopted)))
            try PlanNews.plan(db, adopted, headline: "plans.news.adopted", context: context)
        }
        return context.redirect(PlanRoute.console, notice: .published)
    }

    /// The plan being drafted, or 404 when none is.
    private func drafting(_ context: CivicContext) async throws -> Plan {
        guard let plan = try await context.database.read({ db in try PlanDrafting.current(db) }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.no_drafting"))
        }
        return plan
    }
}
