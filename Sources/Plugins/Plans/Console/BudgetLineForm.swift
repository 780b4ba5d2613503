import CivicSDK
import Foundation

/// A budget line as typed in the console: what kind of amount, how much, on which day, for the whole
/// commitment or one activity, what it is (per language), and an optional evidence file.
struct BudgetLineForm {
    var kind = "planned", amount = "", date = "", activity = "", label: LocalizedText = [:]
    /// What is wrong, field by field.
    var problems = FieldProblems()

    /// An empty form, dated today.
    init(today: String) { date = today }

    /// The submitted form, checked; `activities` are the commitment's own.
    init(_ form: FormData, context: CivicContext, activities: Set<Int64>) {
        kind = form.text("kind")
        amount = form.text("amount")
        date = form.text("date")
        activity = form.text("activity")
        label = form.localized("label", locales: context.tenant.locales)
        let parsed = PlanForms.number(amount) ?? nil
        if BudgetLine.Kind(rawValue: kind) == nil { problems.add("kind", context.text("plans.error.budget_kind")) }
        if parsed == nil || parsed == 0 || (kind != "planned" && (parsed ?? 0) < 0) {
            problems.add("amount", context.text(kind == "planned" ? "plans.error.amount_planned" : "plans.error.amount"))
        }
        if PlanForms.day(date) == nil { problems.add("date", context.text("plans.error.date")) }
        if !activity.isEmpty && !(Int64(activity).map(activities.contains) ?? false) { problems.add("activity", context.text("plans.error.activity")) }
    }

    /// The line these values make (the form must have no problems).
    func line(commitmentID: Int64, currency: String, author: String, evidence: StoredFile?, evidenceLabel: String?) -> BudgetLine {
        BudgetLine(commitmentID: commitmentID, activityID: Int64(activity), kind: BudgetLine.Kind(rawValue: kind) ?? .planned,
                   amount: (PlanForms.number(amount) ?? nil) ?? 0, currency: currency, date: PlanForms.day(date) ?? date, label: label,
                   evidence: evidence?.name, evidenceLabel: evidenceLabel, sample: false, author: author, createdAt: Date())
    }

    /// The form's fields, with what is wrong beside each.
    func fields(_ context: CivicContext, activities: [Activity], currency: String) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.errors = problems.byField
        fields.select("kind", options: BudgetLine.Kind.allCases.map { ($0.rawValue, context.text("plans.budget.kind.\($0.rawValue)")) }, selected: kind)
        fields.text("amount", value: amount, required: true, inputMode: "decimal",
                    help: context.text("plans.help.amount").replacingOccurrences(of: "{currency}", with: currency))
        fields.text("date", value: date, required: true, help: context.text("plans.help.date"))
        fields.select("activity", options: [("", context.text("plans.console.whole_commitment"))]
            + activities.map { (String($0.id ?? 0), context.localized($0.title)) }, selected: activity)
        fields.localized("label", value: label, help: context.text("plans.help.budget_label"))
        fields.file("evidence", help: context.text("plans.help.evidence"))
        return fields
    }
}
