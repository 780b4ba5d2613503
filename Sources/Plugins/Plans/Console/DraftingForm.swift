import CivicSDK
import Foundation

/// The drafting phase as typed in the console: the plan's title, description and years, the days
/// proposals are taken, and (when starting) whether to start from the commitments of the plan in force.
struct DraftingForm {
    var title: LocalizedText = [:], description: LocalizedText = [:]
    var start = "", end = "", opens = "", closes = "", revision = false
    var problems = FieldProblems()

    init(_ plan: Plan?) {
        guard let plan else { return }
        title = plan.title
        description = plan.description
        start = String(plan.startYear)
        end = String(plan.endYear)
        opens = plan.draftingOpens ?? ""
        closes = plan.draftingCloses ?? ""
    }

    init(_ form: FormData, context: CivicContext) {
        title = form.localized("title", locales: context.tenant.locales)
        description = form.localized("description", locales: context.tenant.locales)
        start = form.text("start_year")
        end = form.text("end_year")
        opens = form.text("drafting_opens")
        closes = form.text("drafting_closes")
        revision = ["on", "1", "true"].contains(form.text("revision"))
        if title.isEmpty { problems.add("title", context.text("plans.error.title")) }
        for problem in PlanForms.yearProblems(start: start, end: end) { problems.add(problem.field, context.text(problem.key)) }
        for (field, value) in [("drafting_opens", opens), ("drafting_closes", closes)] where PlanForms.day(value) == nil {
            problems.add(field, context.text("plans.error.date"))
        }
        if let first = PlanForms.day(opens), let last = PlanForms.day(closes), last < first {
            problems.add("drafting_closes", context.text("plans.error.drafting_order"))
        }
    }

    /// `plan` with these values (the form must have no problems).
    func applied(to plan: Plan) -> Plan {
        var changed = plan
        changed.title = title
        changed.description = description
        changed.startYear = Int(start) ?? plan.startYear
        changed.endYear = Int(end) ?? plan.endYear
        changed.draftingOpens = PlanForms.day(opens)
        changed.draftingCloses = PlanForms.day(closes)
        return changed
    }

    func fields(_ context: CivicContext, starting: Bool, canRevise: Bool) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.errors = problems.byField
        fields.localized("title", value: title)
        fields.localized("description", value: description, multiline: true)
        fields.text("start_year", value: start, required: true, inputMode: "numeric")
        fields.text("end_year", value: end, required: true, inputMode: "numeric")
        fields.text("drafting_opens", value: opens, required: true, help: context.text("plans.help.date"))
        fields.text("drafting_closes", value: closes, required: true, help: context.text("plans.help.date"))
        if starting && canRevise { fields.checkbox("revision", checked: revision, help: context.text("plans.help.revision")) }
        return fields
    }
}
