import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Commitments: create, edit, publish and unpublish.
extension PlansConsole {
    func commitmentFields(_ context: CivicContext, _ c: PlanForms.CommitmentInput, statuses: [PlanStatus]) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.text("number", value: c.number > 0 ? String(c.number) : "", required: true, inputMode: "numeric")
        fields.localized("title", value: c.title)
        fields.checkboxes("principles", options: OGPPrinciple.allCases.map { ($0.rawValue, context.text("plans.principle.\($0.rawValue)")) },
                          checked: Set(c.principles.map(\.rawValue)))
        fields.localized("lead_services", value: c.leadServices)
        fields.localized("other_actors", value: c.otherActors)
        fields.localized("problem", value: c.problem, multiline: true)
        fields.localized("solution", value: c.solution, multiline: true)
        fields.localized("expected_results", value: c.expectedResults, multiline: true)
        fields.select("status", options: statusOptions(statuses, context), selected: c.status)
        fields.select("completion", options: PlanForms.completions.map { ($0, context.text("plans.completion.\($0)")) }, selected: c.completion)
        fields.text("position", value: String(c.position), inputMode: "numeric")
        return fields
    }

    func input(_ c: Commitment) -> PlanForms.CommitmentInput {
        PlanForms.CommitmentInput(number: c.number, title: c.title, principles: c.principleList, leadServices: c.leadServices, otherActors: c.otherActors,
                                  problem: c.problem, solution: c.solution, expectedResults: c.expectedResults, status: c.status,
                                  completion: c.completion, position: c.position)
    }

    @Sendable func newCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let blank = PlanForms.CommitmentInput(number: 0, title: [:], principles: [], leadServices: [:], otherActors: [:], problem: [:], solution: [:],
                                              expectedResults: [:], status: "not_started", completion: "not_started", position: 0)
        return try renderForm(context, heading: context.text("plans.console.new_commitment"), action: PlanRoute.commitments.href(context),
                              fields: commitmentFields(context, blank, statuses: try await statuses(context)), errors: [], status: .ok)
    }

    @Sendable func createCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let statuses = try await statuses(context)
        var (input, errors) = PlanForms.commitment(context.form, context: context, statuses: Set(statuses.map(\.key)))
        let heading = context.text("plans.console.new_commitment"), action = PlanRoute.commitments.href(context)
        guard errors.isEmpty else { return try renderForm(context, heading: heading, action: action, fields: commitmentFields(context, input, statuses: statuses), errors: errors, status: .badRequest) }
        let values = input
        let outcome: String?
        do {
            outcome = try await context.database.write { db -> String? in
                guard let plan = try Plan.current(db), let planID = plan.id else { return "plans.error.no_plan" }
                var commitment = Commitment(planID: planID, number: values.number, title: [:], principles: "", leadServices: [:], otherActors: [:],
                                            problem: [:], solution: [:], expectedResults: [:], status: values.status, completion: values.completion,
                                            published: false, position: values.position, updatedAt: Date())
                commitment.apply(values)
                try commitment.insert(db)
                try context.audit(db, action: "create", itemType: "commitment", itemID: String(commitment.id ?? 0), summary: String(values.number),
                                  changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(commitment)))
                return nil
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            outcome = "plans.error.number_taken"
        }
        if let problem = outcome {
            errors.append(context.text(problem))
            input = values
            return try renderForm(context, heading: heading, action: action, fields: commitmentFields(context, input, statuses: statuses), errors: errors, status: .badRequest)
        }
        return context.redirect(PlanRoute.console, notice: .created)
    }

    @Sendable func editCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        return try await renderCommitment(context, commitment: commitment, input: input(commitment), errors: [], status: .ok)
    }

    /// The commitment's console page; `update` is a refused progress update, shown again in its own
    /// form with each problem beside its field.
    func renderCommitment(_ context: CivicContext, commitment: Commitment, input: PlanForms.CommitmentInput, errors: [String],
                          update: (draft: FormData, problems: FieldProblems)? = nil, indicator: IndicatorForm? = nil,
                          budget: BudgetLineForm? = nil, status: HTTPResponse.Status) async throws -> Response {
        let id = commitment.id ?? 0
        let statuses = try await statuses(context)
        let (activities, indicators, lines, back) = try await context.database.read { db in
            (try Activity.filter(Activity.Columns.commitmentID == id).order(Activity.Columns.position, Activity.Columns.plannedStart).fetchAll(db),
             try PlanIndicator.filter(PlanIndicator.Columns.commitmentID == id).order(PlanIndicator.Columns.position).fetchAll(db),
             try BudgetLine.lines(db, commitments: [id]), try Self.home(db, of: commitment))
        }
        let live = try await services.figures.live(context)
        var updateFields = FormFields(context, labels: "plans.field")
        let draft = update?.draft ?? .empty
        updateFields.errors = update?.problems.byField ?? [:]
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        updateFields.text("date", value: update == nil ? today : draft.text("date"), required: true, help: context.text("plans.help.date"))
        updateFields.localized("text", value: draft.localized("text", locales: context.tenant.locales), multiline: true)
        updateFields.select("activity", options: [("", context.text("plans.console.whole_commitment"))]
            + activities.map { (String($0.id ?? 0), context.localized($0.title)) }, selected: draft.text("activity"))
        updateFields.text("new_progress", value: draft.text("new_progress"), inputMode: "numeric", help: context.text("plans.help.percent"))
        updateFields.select("new_status", options: [("", "—")] + statusOptions(statuses, context), selected: draft.text("new_status"))
        updateFields.file("evidence", help: context.text("plans.help.evidence"))
        let indicatorFields = (indicator ?? IndicatorForm()).fields(context, live: Array(live.values))
        let budgetFields = (budget ?? BudgetLineForm(today: context.tenant.today)).fields(context, activities: activities, currency: Self.currency(context))
        let activityTitles = Dictionary(uniqueKeysWithValues: activities.map { ($0.id ?? 0, context.localized($0.title)) })
        let page = CommitmentConsolePage(
            heading: "\(commitment.number). \(context.localized(commitment.title))",
            action: PlanRoute.editCommitment(id).href(context),
            formFields: commitmentFields(context, input, statuses: statuses).items, errors: errors,
            backHref: back.href(context), backLabel: context.text(back == .drafting ? "plans.cocreation.back" : "plans.console.back"),
            activities: activities.map { .init(title: context.localized($0.title), dates: "\(context.dates.month($0.plannedStart).text) – \(context.dates.month($0.plannedEnd).text)", progress: context.percent($0.progress),
                                               editHref: PlanRoute.editActivity($0.id ?? 0).href(context)) },
            newActivityHref: PlanRoute.newActivity(id).href(context),
            updateAction: PlanRoute.updates(id).href(context) + "#post-update", updateFields: FieldGroup(updateFields),
            updateErrors: update?.problems.messages ?? [],
            indicatorAction: PlanRoute.indicators(id).href(context), indicatorFields: FieldGroup(indicatorFields),
            indicators: indicators.map { .init(name: context.localized($0.name), linked: $0.source != nil,
                                               valueAction: PlanRoute.indicatorValues($0.id ?? 0).href(context), fieldID: "value-\($0.id ?? 0)",
                                               editHref: PlanRoute.indicator($0.id ?? 0).href(context),
                                               deleteAction: PlanRoute.deleteIndicator($0.id ?? 0).href(context)) },
            budgetAction: PlanRoute.budget(id).href(context) + "#budget", budgetFields: FieldGroup(budgetFields),
            budgetErrors: budget?.problems.messages ?? [],
            budgetLines: lines.reversed().map { line in
                .init(date: context.dates.day(line.date), kind: context.text("plans.budget.kind.\(line.kind.rawValue)"),
                      amount: BudgetView.amount(line.amount, currency: line.currency, context: context),
                      about: [line.activityID.flatMap { activityTitles[$0] }, context.localized(line.label)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — "),
                      deleteAction: PlanRoute.deleteBudgetLine(line.id ?? 0).href(context))
            })
        return try context.render(page, title: context.text("plans.console.edit_commitment"), status: status)
    }

    @Sendable func updateCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let existing = try await commitment(context)
        let statuses = try await statuses(context)
        var (input, errors) = PlanForms.commitment(context.form, context: context, statuses: Set(statuses.map(\.key)))
        guard errors.isEmpty else { return try await renderCommitment(context, commitment: existing, input: input, errors: errors, status: .badRequest) }
        let values = input, id = existing.id ?? 0
        var taken = false
        do {
            try await context.database.write { db in
                guard var commitment = try Commitment.fetchOne(db, key: id) else { return }
                let before = PlanAudit.snapshot(commitment)
                commitment.apply(values)
                let changes = FieldChange.diff(old: before, new: PlanAudit.snapshot(commitment))
                guard !changes.isEmpty else { return }
                commitment.updatedAt = Date()
                try commitment.update(db)
                try context.audit(db, action: "update", itemType: "commitment", itemID: String(id), summary: String(values.number), changes: changes)
                try PlanNews.commitment(db, commitment, headline: "plans.news.revised", context: context)
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            taken = true
        }
        if taken {
            errors.append(context.text("plans.error.number_taken"))
            input = values
            return try await renderCommitment(context, commitment: existing, input: input, errors: errors, status: .badRequest)
        }
        return context.redirect(PlanRoute.editCommitment(id), notice: .saved)
    }

    /// The console page a commitment belongs to: the drafting page for a commitment of the plan being
    /// drafted with citizens, the plan's console otherwise.
    static func home(_ db: Database, of commitment: Commitment) throws -> PlanRoute {
        try PlanDrafting.current(db)?.id == commitment.planID ? .drafting : .console
    }

    func setPublished(_ published: Bool, _ context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let existing = try await commitment(context)
        if existing.published != published {
            try await context.database.write { db in
                    var commitment = existing
                    commitment.published = published
                    commitment.updatedAt = Date()
                    try commitment.update(db)
                    try context.audit(db, action: published ? "publish" : "unpublish", itemType: "commitment", itemID: String(existing.id ?? 0),
                                      summary: String(existing.number), changes: [FieldChange(field: "published", old: String(!published), new: String(published))])
                    if published { try PlanNews.commitment(db, commitment, headline: "plans.news.published", context: context) }
            }
            }
            let home = try await context.database.read { db in try Self.home(db, of: existing) }
            return context.redirect(home, notice: published ? .published : .unpublished)
        }
    }
