import CivicSDK
import Foundation

/// An indicator as typed in the console: its name and unit per language, kind, baseline and target
/// with their dates, and where its values come from (typed by hand, or a live figure).
struct IndicatorForm {
    var name: LocalizedText, unit: LocalizedText, kind: String
    var baseline: String, baselineDate: String, target: String, targetDate: String, source: String
    /// What is wrong, field by field.
    var problems = FieldProblems()

    /// An empty form, for a new indicator.
    init() {
        self.init(PlanIndicator(commitmentID: 0, name: [:], kind: "result", unit: [:], baseline: nil, target: nil, source: nil, position: 0))
    }

    init(_ indicator: PlanIndicator) {
        name = indicator.name
        unit = indicator.unit
        kind = indicator.kind
        baseline = indicator.baseline.map(NumberText.plain) ?? ""
        baselineDate = indicator.baselineDate ?? ""
        target = indicator.target.map(NumberText.plain) ?? ""
        targetDate = indicator.targetDate ?? ""
        source = indicator.source ?? ""
    }

    /// The submitted form, checked; `live` are the figures a value may follow.
    init(_ form: FormData, context: CivicContext, live: Set<String>) {
        name = form.localized("indicator_name", locales: context.tenant.locales)
        unit = form.localized("unit", locales: context.tenant.locales)
        kind = form.text("kind")
        baseline = form.text("baseline")
        baselineDate = form.text("baseline_date")
        target = form.text("target")
        targetDate = form.text("target_date")
        source = form.text("source")
        if name.isEmpty { problems.add("indicator_name", context.text("plans.error.title")) }
        if !["result", "impact"].contains(kind) { problems.add("kind", context.text("plans.error.kind")) }
        for (field, value) in [("baseline", baseline), ("target", target)] where PlanForms.number(value) == nil {
            problems.add(field, context.text("plans.error.number_value"))
        }
        for (field, value) in [("baseline_date", baselineDate), ("target_date", targetDate)] where !value.isEmpty && PlanForms.day(value) == nil {
            problems.add(field, context.text("plans.error.date"))
        }
        if !source.isEmpty && !live.contains(source) { problems.add("source", context.text("plans.error.source")) }
    }

    /// `indicator` with these values (the form must have no problems).
    func applied(to indicator: PlanIndicator) -> PlanIndicator {
        var changed = indicator
        changed.name = name
        changed.unit = unit
        changed.kind = kind
        changed.baseline = PlanForms.number(baseline) ?? nil
        changed.baselineDate = PlanForms.day(baselineDate)
        changed.target = PlanForms.number(target) ?? nil
        changed.targetDate = PlanForms.day(targetDate)
        changed.source = source.isEmpty ? nil : source
        return changed
    }

    /// The form's fields, with what is wrong beside each.
    func fields(_ context: CivicContext, live: [Indicator]) -> FormFields {
        var fields = FormFields(context, labels: "plans.field")
        fields.errors = problems.byField
        fields.localized("indicator_name", value: name)
        fields.select("kind", options: [("result", context.text("plans.indicator_kind.result")), ("impact", context.text("plans.indicator_kind.impact"))],
                      selected: kind.isEmpty ? "result" : kind)
        fields.localized("unit", value: unit, help: context.text("plans.help.unit"))
        fields.text("baseline", value: baseline, inputMode: "decimal")
        fields.text("baseline_date", value: baselineDate, help: context.text("plans.help.date"))
        fields.text("target", value: target, inputMode: "decimal")
        fields.text("target_date", value: targetDate, help: context.text("plans.help.date"))
        fields.select("source", options: [("", context.text("plans.console.typed_by_hand"))]
            + live.sorted { $0.id < $1.id }.map { ($0.id, context.localized($0.title)) }, selected: source)
        return fields
    }
}
