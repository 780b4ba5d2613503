import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Editor screens under `{root}/admin/plans`: the plan, commitments, activities, progress updates
/// (with evidence files) and indicators. Every change is validated, audited, and all-or-nothing.
struct PlansConsole {
    let services: ModuleServices
    static let evidenceKinds: Set<FileKind> = [.pdf, .png, .jpeg, .odt, .ods, .docx, .xlsx, .csv]
    static let maxEvidenceBytes = 10 * 1_048_576

    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: overview)
        group.get("plan", use: planForm)
        group.post("plan", use: savePlan)
        group.get("commitments/new", use: newCommitment)
        group.post("commitments", use: createCommitment)
        group.get("commitments/:id", use: editCommitment)
        group.post("commitments/:id", use: updateCommitment)
        group.post("commitments/:id/publish") { _, context in try await setPublished(true, context) }
        group.post("commitments/:id/unpublish") { _, context in try await setPublished(false, context) }
        group.get("commitments/:id/activities/new", use: newActivity)
        group.post("commitments/:id/activities", use: createActivity)
        group.get("activities/:id", use: editActivity)
        group.post("activities/:id", use: updateActivity)
        group.post("commitments/:id/updates", use: postUpdate)
        group.post("commitments/:id/indicators", use: addIndicator)
        group.post("indicators/:id/values", use: addIndicatorValue)
        group.get("indicators/:id", use: editIndicator)
        group.post("indicators/:id", use: updateIndicator)
        group.post("indicators/:id/delete", use: deleteIndicator)
        group.post("commitments/:id/budget", use: addBudgetLine)
        group.post("budget/:id/delete", use: deleteBudgetLine)
    }

    // MARK: loading

    func id(_ context: CivicContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: context.text("plans.error.not_found")) }
        return id
    }

    func statuses(_ context: CivicContext) async throws -> [PlanStatus] {
        try await context.database.read { db in try PlanStatus.order(PlanStatus.Columns.position).fetchAll(db) }
    }

    /// The record of `type` the address's `:id` names, or 404.
    func record<Record: FetchableRecord & TableRecord & Sendable>(_ type: Record.Type, _ context: CivicContext) async throws -> Record {
        let id = try id(context)
        guard let found = try await context.database.read({ db in try Record.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.not_found"))
        }
        return found
    }

    func commitment(_ context: CivicContext) async throws -> Commitment { try await record(Commitment.self, context) }

    func statusOptions(_ statuses: [PlanStatus], _ context: CivicContext) -> [(value: String, label: String)] {
        statuses.map { ($0.key, context.localized($0.label)) }
    }

    func renderForm(_ context: CivicContext, heading: String, action: String, fields: FormFields, errors: [String],
                            status: HTTPResponse.Status, multipart: Bool = false, back: PlanRoute = .console) throws -> Response {
        var page = FormPage(heading: heading, backHref: back.href(context), backLabel: context.text("plans.console.back"),
                            action: action, fields: fields, errors: errors)
        page.multipart = multipart
        return try context.render(page, title: heading, status: status)
    }

    // MARK: overview and plan

    @Sendable func overview(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let overview = try await context.database.read { db in try PlanOverview.load(db, includeUnpublished: true, today: YearMonth.current(context.tenant)) }
        var reasonFields = FormFields(context, labels: "plans.field")
        reasonFields.localized("reason", value: [:], multiline: true)
        let rows = (overview?.rows ?? []).map { row in
            let id = row.commitment.id ?? 0
            return PlanConsolePage.Row(number: row.commitment.number, title: context.localized(row.commitment.title), published: row.commitment.published,
                                       progress: context.percent(row.progress), editHref: PlanRoute.editCommitment(id).href(context),
                                       viewHref: PlanRoute.commitment(row.commitment.number).href(context),
                                       toggleAction: PlanRoute.publication(id, publish: !row.commitment.published).href(context))
        }
        let page = PlanConsolePage(
            hasPlan: overview != nil, planTitle: overview.map { context.localized($0.plan.title) } ?? "",
            planHref: PlanRoute.planForm.href(context), newHref: PlanRoute.newCommitment.href(context),
            importHref: PlanRoute.importCSV.href(context), exportHref: PlanRoute.exportCSV.href(context),
            statusesHref: PlanRoute.statuses.href(context), draftingHref: PlanRoute.drafting.href(context),
            revisionAction: PlanRoute.freeze.href(context), revisionsHref: PlanRoute.revisions.href(context),
            reasonFields: FieldGroup(reasonFields), commitments: rows)
        return try context.render(page, title: context.text("plans.console.title"))
    }

    func planFields(_ context: CivicContext, title: LocalizedText, description: LocalizedText, start: String, end: String, status: String) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.localized("title", value: title)
        fields.localized("description", value: description, multiline: true)
        fields.text("start_year", value: start, required: true, inputMode: "numeric")
        fields.text("end_year", value: end, required: true, inputMode: "numeric")
        fields.select("plan_status", options: Plan.Status.allCases.map(\.rawValue).map { ($0, context.text("plans.plan_status.\($0)")) }, selected: status)
        return fields
    }

    @Sendable func planForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let plan = try await context.database.read { db in try Plan.current(db) }
        let fields = planFields(context, title: plan?.title ?? [:], description: plan?.description ?? [:], start: plan.map { String($0.startYear) } ?? "",
                                end: plan.map { String($0.endYear) } ?? "", status: plan?.status.rawValue ?? Plan.Status.draft.rawValue)
        return try renderForm(context, heading: context.text("plans.console.plan"), action: PlanRoute.planForm.href(context),
                              fields: fields, errors: [], status: .ok)
    }

    @Sendable func savePlan(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let form = context.form
        let title = form.localized("title", locales: context.tenant.locales)
        let description = form.localized("description", locales: context.tenant.locales)
        let start = Int(form.text("start_year")), end = Int(form.text("end_year"))
        let chosen = form.text("plan_status")
        let status = Plan.Status(rawValue: chosen)
        var errors: [String] = []
        if title.isEmpty { errors.append(context.text("plans.error.title")) }
        // one message per kind of problem: this form lists them above its fields
        for key in PlanForms.yearProblems(start: form.text("start_year"), end: form.text("end_year")).map(\.key) where !errors.contains(context.text(key)) {
            errors.append(context.text(key))
        }
        if status == nil { errors.append(context.text("plans.error.status")) }
        guard errors.isEmpty, let start, let end, let status else {
            return try renderForm(context, heading: context.text("plans.console.plan"), action: PlanRoute.planForm.href(context),
                                  fields: planFields(context, title: title, description: description, start: form.text("start_year"),
                                                     end: form.text("end_year"), status: chosen),
                                  errors: errors, status: .badRequest)
        }
        try await context.database.write { db in
            var plan = try Plan.current(db) ?? Plan(title: [:], description: [:], startYear: start, endYear: end, status: status, createdAt: Date(), updatedAt: Date())
            let before = plan.id == nil ? [:] : PlanAudit.snapshot(plan)
            let wasStatus: Plan.Status? = plan.id == nil ? nil : plan.status
            plan.title = title
            plan.description = description
            plan.startYear = start
            plan.endYear = end
            plan.status = status
            plan.updatedAt = Date()
            try plan.save(db)
            try context.audit(db, action: before.isEmpty ? "create" : "update", itemType: "plan", itemID: String(plan.id ?? 0),
                              summary: title.resolve("fr", fallbacks: context.fallbackLocales), changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(plan)))
            if wasStatus != plan.status { try PlanNews.plan(db, plan, headline: "plans.news.status.\(plan.status.rawValue)", context: context) }
        }
        return context.redirect(PlanRoute.console, notice: .saved)
    }
}
