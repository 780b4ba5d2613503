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
    }

    // MARK: loading

    private func id(_ context: CivicContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: context.text("plans.error.not_found")) }
        return id
    }

    private func statuses(_ context: CivicContext) async throws -> [PlanStatus] {
        try await context.database.read { db in try PlanStatus.order(Column("position")).fetchAll(db) }
    }

    private func commitment(_ context: CivicContext) async throws -> Commitment {
        let id = try id(context)
        guard let commitment = try await context.database.read({ db in try Commitment.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.not_found"))
        }
        return commitment
    }

    private func statusOptions(_ statuses: [PlanStatus], _ context: CivicContext) -> [(value: String, label: String)] {
        statuses.map { ($0.key, context.localized($0.label)) }
    }

    private func renderForm(_ context: CivicContext, heading: String, action: String, fields: FormFields, errors: [String],
                            status: HTTPResponse.Status, multipart: Bool = false, back: String = "") throws -> Response {
        try context.render("form", title: heading, data: [
            "heading": heading, "action": action, "fields": fields.items, "errors": errors, "hasErrors": !errors.isEmpty,
            "multipart": multipart, "backHref": "\(context.root)/admin/plans\(back)", "backLabel": context.text("plans.console.back"),
        ], status: status, cache: .perVisitor)
    }

    // MARK: overview and plan

    @Sendable func overview(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let overview = try await context.database.read { db in try PlanOverview.load(db, includeUnpublished: true, today: YearMonth(Date())) }
        var reasonFields = FormFields(context, labels: "plans.field")
        reasonFields.localized("reason", value: [:], multiline: true)
        let rows = (overview?.rows ?? []).map { row -> [String: Any] in
            let id = row.commitment.id ?? 0
            return ["number": row.commitment.number, "title": context.localized(row.commitment.title), "published": row.commitment.published,
                    "progress": row.progress, "editHref": "\(context.root)/admin/plans/commitments/\(id)",
                    "viewHref": "\(context.root)/plans/\(row.commitment.number)",
                    "toggleAction": "\(context.root)/admin/plans/commitments/\(id)/\(row.commitment.published ? "unpublish" : "publish")"]
        }
        return try context.render("console", title: context.text("plans.console.title"), data: [
            "hasPlan": overview != nil, "planTitle": overview.map { context.localized($0.plan.title) } ?? "",
            "planHref": "\(context.root)/admin/plans/plan", "newHref": "\(context.root)/admin/plans/commitments/new",
            "importHref": "\(context.root)/admin/plans/import", "exportHref": "\(context.root)/plans/export.csv",
            "statusesHref": "\(context.root)/admin/plans/statuses",
            "revisionAction": "\(context.root)/admin/plans/revisions", "revisionsHref": "\(context.root)/plans/revisions",
            "reasonFields": ["fields": reasonFields.items],
            "commitments": rows, "hasCommitments": !rows.isEmpty,
        ], cache: .perVisitor)
    }

    private func planFields(_ context: CivicContext, title: LocalizedText, description: LocalizedText, start: String, end: String, status: String) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.localized("title", value: title)
        fields.localized("description", value: description, multiline: true)
        fields.text("start_year", value: start, required: true, inputMode: "numeric")
        fields.text("end_year", value: end, required: true, inputMode: "numeric")
        fields.select("plan_status", options: ["draft", "in_force", "closed"].map { ($0, context.text("plans.plan_status.\($0)")) }, selected: status)
        return fields
    }

    @Sendable func planForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let plan = try await context.database.read { db in try Plan.current(db) }
        let fields = planFields(context, title: plan?.title ?? [:], description: plan?.description ?? [:], start: plan.map { String($0.startYear) } ?? "",
                                end: plan.map { String($0.endYear) } ?? "", status: plan?.status ?? "draft")
        return try renderForm(context, heading: context.text("plans.console.plan"), action: "\(context.root)/admin/plans/plan",
                              fields: fields, errors: [], status: .ok)
    }

    @Sendable func savePlan(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let form = context.form
        let title = form.localized("title", locales: context.tenant.locales)
        let description = form.localized("description", locales: context.tenant.locales)
        let start = Int(form.text("start_year")), end = Int(form.text("end_year"))
        let status = form.text("plan_status")
        var errors: [String] = []
        if title.isEmpty { errors.append(context.text("plans.error.title")) }
        if start == nil || end == nil || !(1900...2200).contains(start ?? 0) || !(1900...2200).contains(end ?? 0) { errors.append(context.text("plans.error.year")) }
        if let start, let end, end < start { errors.append(context.text("plans.error.year_order")) }
        if !["draft", "in_force", "closed"].contains(status) { errors.append(context.text("plans.error.status")) }
        guard errors.isEmpty, let start, let end else {
            return try renderForm(context, heading: context.text("plans.console.plan"), action: "\(context.root)/admin/plans/plan",
                                  fields: planFields(context, title: title, description: description, start: form.text("start_year"),
                                                     end: form.text("end_year"), status: status),
                                  errors: errors, status: .badRequest)
        }
        try await context.database.write { db in
            var plan = try Plan.current(db) ?? Plan(title: [:], description: [:], startYear: start, endYear: end, status: status, createdAt: Date(), updatedAt: Date())
            let before = plan.id == nil ? [:] : PlanAudit.snapshot(plan)
            plan.title = title
            plan.description = description
            plan.startYear = start
            plan.endYear = end
            plan.status = status
            plan.updatedAt = Date()
            try plan.save(db)
            try context.audit(db, action: before.isEmpty ? "create" : "update", itemType: "plan", itemID: String(plan.id ?? 0),
                              summary: title.resolve("fr", fallbacks: context.fallbackLocales), changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(plan)))
        }
        return context.redirect("/admin/plans")
    }

    // MARK: commitments

    private func commitmentFields(_ context: CivicContext, _ c: PlanForms.CommitmentInput, statuses: [PlanStatus]) -> FormFields {
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

    private func input(_ c: Commitment) -> PlanForms.CommitmentInput {
        PlanForms.CommitmentInput(number: c.number, title: c.title, principles: c.principleList, leadServices: c.leadServices, otherActors: c.otherActors,
                                  problem: c.problem, solution: c.solution, expectedResults: c.expectedResults, status: c.status,
                                  completion: c.completion, position: c.position)
    }

    @Sendable func newCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let blank = PlanForms.CommitmentInput(number: 0, title: [:], principles: [], leadServices: [:], otherActors: [:], problem: [:], solution: [:],
                                              expectedResults: [:], status: "not_started", completion: "not_started", position: 0)
        return try renderForm(context, heading: context.text("plans.console.new_commitment"), action: "\(context.root)/admin/plans/commitments",
                              fields: commitmentFields(context, blank, statuses: try await statuses(context)), errors: [], status: .ok)
    }

    @Sendable func createCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let statuses = try await statuses(context)
        var (input, errors) = PlanForms.commitment(context.form, context: context, statuses: Set(statuses.map(\.key)))
        let heading = context.text("plans.console.new_commitment"), action = "\(context.root)/admin/plans/commitments"
        guard errors.isEmpty else { return try renderForm(context, heading: heading, action: action, fields: commitmentFields(context, input, statuses: statuses), errors: errors, status: .badRequest) }
        let values = input
        let outcome = try await context.database.write { db -> String? in
            guard let plan = try Plan.current(db), let planID = plan.id else { return "plans.error.no_plan" }
            guard try Commitment.filter(Column("plan_id") == planID && Column("number") == values.number).fetchCount(db) == 0 else { return "plans.error.number_taken" }
            var commitment = Commitment(planID: planID, number: values.number, title: [:], principles: "", leadServices: [:], otherActors: [:],
                                        problem: [:], solution: [:], expectedResults: [:], status: values.status, completion: values.completion,
                                        published: false, position: values.position, updatedAt: Date())
            commitment.apply(values)
            try commitment.insert(db)
            try context.audit(db, action: "create", itemType: "commitment", itemID: String(commitment.id ?? 0), summary: String(values.number),
                              changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(commitment)))
            return nil
        }
        if let problem = outcome {
            errors.append(context.text(problem))
            input = values
            return try renderForm(context, heading: heading, action: action, fields: commitmentFields(context, input, statuses: statuses), errors: errors, status: .badRequest)
        }
        return context.redirect("/admin/plans")
    }

    @Sendable func editCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        return try await renderCommitment(context, commitment: commitment, input: input(commitment), errors: [], status: .ok)
    }

    private func renderCommitment(_ context: CivicContext, commitment: Commitment, input: PlanForms.CommitmentInput, errors: [String],
                                  status: HTTPResponse.Status) async throws -> Response {
        let id = commitment.id ?? 0
        let statuses = try await statuses(context)
        let (activities, indicators) = try await context.database.read { db in
            (try Activity.filter(Column("commitment_id") == id).order(Column("position"), Column("planned_start")).fetchAll(db),
             try PlanIndicator.filter(Column("commitment_id") == id).order(Column("position")).fetchAll(db))
        }
        let live = try await services.figures.live(context)
        var updateFields = FormFields(context, labels: "plans.field")
        updateFields.text("date", value: ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate]),
                          required: true, help: context.text("plans.help.date"))
        updateFields.localized("text", value: [:], multiline: true)
        updateFields.select("activity", options: [("", context.text("plans.console.whole_commitment"))]
            + activities.map { (String($0.id ?? 0), context.localized($0.title)) }, selected: "")
        updateFields.text("new_progress", value: "", inputMode: "numeric", help: context.text("plans.help.percent"))
        updateFields.select("new_status", options: [("", "—")] + statusOptions(statuses, context), selected: "")
        updateFields.file("evidence", help: context.text("plans.help.evidence"))
        var indicatorFields = FormFields(context, labels: "plans.field")
        indicatorFields.localized("indicator_name", value: [:])
        indicatorFields.select("kind", options: [("result", context.text("plans.indicator_kind.result")), ("impact", context.text("plans.indicator_kind.impact"))], selected: "result")
        indicatorFields.text("baseline", value: "", inputMode: "decimal")
        indicatorFields.text("target", value: "", inputMode: "decimal")
        indicatorFields.select("source", options: [("", context.text("plans.console.typed_by_hand"))]
            + live.values.sorted { $0.id < $1.id }.map { ($0.id, context.localized($0.title)) }, selected: "")
        return try context.render("commitment-console", title: context.text("plans.console.edit_commitment"), data: [
            "heading": "\(commitment.number). \(context.localized(commitment.title))",
            "action": "\(context.root)/admin/plans/commitments/\(id)",
            "fields": commitmentFields(context, input, statuses: statuses).items, "errors": errors, "hasErrors": !errors.isEmpty,
            "backHref": "\(context.root)/admin/plans", "backLabel": context.text("plans.console.back"),
            "activities": activities.map { ["title": context.localized($0.title), "dates": "\($0.plannedStart) – \($0.plannedEnd)", "progress": $0.progress,
                                             "editHref": "\(context.root)/admin/plans/activities/\($0.id ?? 0)"] },
            "newActivityHref": "\(context.root)/admin/plans/commitments/\(id)/activities/new",
            "updateAction": "\(context.root)/admin/plans/commitments/\(id)/updates", "updateFields": ["fields": updateFields.items],
            "indicatorAction": "\(context.root)/admin/plans/commitments/\(id)/indicators", "indicatorFields": ["fields": indicatorFields.items],
            "indicators": indicators.map { ["name": context.localized($0.name), "linked": $0.source != nil,
                                             "valueAction": "\(context.root)/admin/plans/indicators/\($0.id ?? 0)/values", "fieldID": "value-\($0.id ?? 0)"] },
        ], status: status, cache: .perVisitor)
    }

    @Sendable func updateCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let existing = try await commitment(context)
        let statuses = try await statuses(context)
        var (input, errors) = PlanForms.commitment(context.form, context: context, statuses: Set(statuses.map(\.key)))
        guard errors.isEmpty else { return try await renderCommitment(context, commitment: existing, input: input, errors: errors, status: .badRequest) }
        let values = input, id = existing.id ?? 0
        let taken = try await context.database.write { db -> Bool in
            guard try Commitment.filter(Column("plan_id") == existing.planID && Column("number") == values.number && Column("id") != id).fetchCount(db) == 0,
                  var commitment = try Commitment.fetchOne(db, key: id) else { return true }
            let before = PlanAudit.snapshot(commitment)
            commitment.apply(values)
            let changes = FieldChange.diff(old: before, new: PlanAudit.snapshot(commitment))
            guard !changes.isEmpty else { return false }
            commitment.updatedAt = Date()
            try commitment.update(db)
            try context.audit(db, action: "update", itemType: "commitment", itemID: String(id), summary: String(values.number), changes: changes)
            return false
        }
        if taken {
            errors.append(context.text("plans.error.number_taken"))
            input = values
            return try await renderCommitment(context, commitment: existing, input: input, errors: errors, status: .badRequest)
        }
        return context.redirect("/admin/plans/commitments/\(id)")
    }

    private func setPublished(_ published: Bool, _ context: CivicContext) async throws -> Response {
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
            }
        }
        return context.redirect("/admin/plans")
    }

    // MARK: activities

    private func activityFields(_ context: CivicContext, _ a: PlanForms.ActivityInput, statuses: [PlanStatus]) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.localized("title", value: a.title)
        let month = context.text("plans.help.month")
        fields.text("planned_start", value: a.plannedStart, required: true, help: month)
        fields.text("planned_end", value: a.plannedEnd, required: true, help: month)
        fields.text("actual_start", value: a.actualStart ?? "", help: month)
        fields.text("actual_end", value: a.actualEnd ?? "", help: month)
        fields.select("status", options: statusOptions(statuses, context), selected: a.status)
        fields.text("progress", value: String(a.progress), inputMode: "numeric", help: context.text("plans.help.percent"))
        fields.localized("responsible", value: a.responsible)
        fields.localized("deliverable", value: a.deliverable)
        fields.text("position", value: String(a.position), inputMode: "numeric")
        return fields
    }

    @Sendable func newActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let blank = PlanForms.ActivityInput(title: [:], plannedStart: "", plannedEnd: "", actualStart: nil, actualEnd: nil, status: "not_started",
                                            progress: 0, responsible: commitment.leadServices, deliverable: [:], position: 0)
        return try renderForm(context, heading: context.text("plans.console.new_activity"),
                              action: "\(context.root)/admin/plans/commitments/\(commitment.id ?? 0)/activities",
                              fields: activityFields(context, blank, statuses: try await statuses(context)), errors: [], status: .ok,
                              back: "/commitments/\(commitment.id ?? 0)")
    }

    @Sendable func createActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let statuses = try await statuses(context)
        let (input, errors) = PlanForms.activity(context.form, context: context, statuses: Set(statuses.map(\.key)))
        let commitmentID = commitment.id ?? 0
        guard errors.isEmpty else {
            return try renderForm(context, heading: context.text("plans.console.new_activity"), action: "\(context.root)/admin/plans/commitments/\(commitmentID)/activities",
                                  fields: activityFields(context, input, statuses: statuses), errors: errors, status: .badRequest, back: "/commitments/\(commitmentID)")
        }
        try await context.database.write { db in
            var activity = Activity(commitmentID: commitmentID, title: [:], plannedStart: input.plannedStart, plannedEnd: input.plannedEnd,
                                    actualStart: nil, actualEnd: nil, status: input.status, progress: 0, responsible: [:], deliverable: [:], position: 0)
            activity.apply(input)
            try activity.insert(db)
            try context.audit(db, action: "create", itemType: "activity", itemID: String(activity.id ?? 0), summary: String(commitment.number),
                              changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(activity)))
        }
        return context.redirect("/admin/plans/commitments/\(commitmentID)")
    }

    @Sendable func editActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let id = try id(context)
        guard let activity = try await context.database.read({ db in try Activity.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.not_found"))
        }
        let input = PlanForms.ActivityInput(title: activity.title, plannedStart: activity.plannedStart, plannedEnd: activity.plannedEnd,
                                            actualStart: activity.actualStart, actualEnd: activity.actualEnd, status: activity.status,
                                            progress: activity.progress, responsible: activity.responsible, deliverable: activity.deliverable,
                                            position: activity.position)
        return try renderForm(context, heading: context.text("plans.console.edit_activity"), action: "\(context.root)/admin/plans/activities/\(id)",
                              fields: activityFields(context, input, statuses: try await statuses(context)), errors: [], status: .ok,
                              back: "/commitments/\(activity.commitmentID)")
    }

    @Sendable func updateActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let id = try id(context)
        guard let existing = try await context.database.read({ db in try Activity.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.not_found"))
        }
        let statuses = try await statuses(context)
        let (input, errors) = PlanForms.activity(context.form, context: context, statuses: Set(statuses.map(\.key)))
        guard errors.isEmpty else {
            return try renderForm(context, heading: context.text("plans.console.edit_activity"), action: "\(context.root)/admin/plans/activities/\(id)",
                                  fields: activityFields(context, input, statuses: statuses), errors: errors, status: .badRequest,
                                  back: "/commitments/\(existing.commitmentID)")
        }
        try await context.database.write { db in
            var activity = existing
            let before = PlanAudit.snapshot(activity)
            activity.apply(input)
            let changes = FieldChange.diff(old: before, new: PlanAudit.snapshot(activity))
            guard !changes.isEmpty else { return }
            try activity.update(db)
            try context.audit(db, action: "update", itemType: "activity", itemID: String(id), summary: context.localized(activity.title), changes: changes)
        }
        return context.redirect("/admin/plans/commitments/\(existing.commitmentID)")
    }

    // MARK: progress updates and indicators

    @Sendable func postUpdate(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let errors = try await ProgressUpdates.record(context.form, on: commitment, context: context, evidenceKinds: Self.evidenceKinds,
                                                      maxEvidenceBytes: Self.maxEvidenceBytes).errors
        guard errors.isEmpty else {
            return try await renderCommitment(context, commitment: commitment, input: input(commitment), errors: errors, status: .badRequest)
        }
        return context.redirect("/admin/plans/commitments/\(commitment.id ?? 0)")
    }

    @Sendable func addIndicator(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let form = context.form
        var errors: [String] = []
        let name = form.localized("indicator_name", locales: context.tenant.locales)
        if name.isEmpty { errors.append(context.text("plans.error.title")) }
        let kind = form.text("kind")
        if !["result", "impact"].contains(kind) { errors.append(context.text("plans.error.kind")) }
        let baseline = PlanForms.number(form.text("baseline")), target = PlanForms.number(form.text("target"))
        if baseline == nil || target == nil { errors.append(context.text("plans.error.number_value")) }
        let source = form.text("source").isEmpty ? nil : form.text("source")
        if let source, try await services.figures.live(context)[source] == nil { errors.append(context.text("plans.error.source")) }
        guard errors.isEmpty else {
            return try await renderCommitment(context, commitment: commitment, input: input(commitment), errors: errors, status: .badRequest)
        }
        let commitmentID = commitment.id ?? 0
        try await context.database.write { db in
            let position = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_indicator WHERE commitment_id = ?", arguments: [commitmentID]) ?? 0
            var indicator = PlanIndicator(commitmentID: commitmentID, name: name, kind: kind, unit: [:], baseline: baseline ?? nil, target: target ?? nil,
                                          source: source, position: position)
            try indicator.insert(db)
            try context.audit(db, action: "create", itemType: "commitment", itemID: String(commitmentID), summary: "indicator",
                              changes: [FieldChange(field: "indicator", old: nil, new: name.resolve("fr", fallbacks: context.fallbackLocales))])
        }
        return context.redirect("/admin/plans/commitments/\(commitmentID)")
    }

    @Sendable func addIndicatorValue(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let id = try id(context)
        guard let indicator = try await context.database.read({ db in try PlanIndicator.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("plans.error.not_found"))
        }
        let date = PlanForms.day(context.form.text("date"))
        let value = PlanForms.number(context.form.text("value")) ?? nil
        guard let date, let value, indicator.source == nil else {
            throw HTTPError(.badRequest, message: context.text(indicator.source == nil ? "plans.error.value" : "plans.error.linked"))
        }
        try await context.database.write { db in
            try db.execute(sql: """
                INSERT INTO plan_indicator_value (indicator_id, date, value) VALUES (?, ?, ?)
                ON CONFLICT (indicator_id, date) DO UPDATE SET value = excluded.value
                """, arguments: [id, date, value])
            try context.audit(db, action: "update", itemType: "commitment", itemID: String(indicator.commitmentID), summary: "indicator value",
                              changes: [FieldChange(field: "indicator.\(id).\(date)", old: nil, new: CommitmentSheet.format(value))])
        }
        return context.redirect("/admin/plans/commitments/\(indicator.commitmentID)")
    }
}
