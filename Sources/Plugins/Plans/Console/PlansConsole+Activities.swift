import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Activities of a commitment: create and edit.
extension PlansConsole {
    func activityFields(_ context: CivicContext, _ a: PlanForms.ActivityInput, statuses: [PlanStatus]) -> FormFields {
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
                              action: PlanRoute.activities(commitment.id ?? 0).href(context),
                              fields: activityFields(context, blank, statuses: try await statuses(context)), errors: [], status: .ok,
                              back: .editCommitment(commitment.id ?? 0))
    }

    @Sendable func createActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let statuses = try await statuses(context)
        let (input, errors) = PlanForms.activity(context.form, context: context, statuses: Set(statuses.map(\.key)))
        let commitmentID = commitment.id ?? 0
        guard errors.isEmpty else {
            return try renderForm(context, heading: context.text("plans.console.new_activity"), action: PlanRoute.activities(commitmentID).href(context),
                                  fields: activityFields(context, input, statuses: statuses), errors: errors, status: .badRequest, back: .editCommitment(commitmentID))
        }
        try await context.database.write { db in
            var activity = Activity(commitmentID: commitmentID, title: [:], plannedStart: input.plannedStart, plannedEnd: input.plannedEnd,
                                    actualStart: nil, actualEnd: nil, status: input.status, progress: 0, responsible: [:], deliverable: [:], position: 0)
            activity.apply(input)
            try activity.insert(db)
            try context.audit(db, action: "create", itemType: "activity", itemID: String(activity.id ?? 0), summary: String(commitment.number),
                              changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(activity)))
        }
        return context.redirect(PlanRoute.editCommitment(commitmentID), notice: .created)
    }

    @Sendable func editActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let activity = try await record(Activity.self, context), id = activity.id ?? 0
        let input = PlanForms.ActivityInput(title: activity.title, plannedStart: activity.plannedStart, plannedEnd: activity.plannedEnd,
                                            actualStart: activity.actualStart, actualEnd: activity.actualEnd, status: activity.status,
                                            progress: activity.progress, responsible: activity.responsible, deliverable: activity.deliverable,
                                            position: activity.position)
        return try renderForm(context, heading: context.text("plans.console.edit_activity"), action: PlanRoute.editActivity(id).href(context),
                              fields: activityFields(context, input, statuses: try await statuses(context)), errors: [], status: .ok,
                              back: .editCommitment(activity.commitmentID))
    }

    @Sendable func updateActivity(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let existing = try await record(Activity.self, context), id = existing.id ?? 0
        let statuses = try await statuses(context)
        let (input, errors) = PlanForms.activity(context.form, context: context, statuses: Set(statuses.map(\.key)))
        guard errors.isEmpty else {
            return try renderForm(context, heading: context.text("plans.console.edit_activity"), action: PlanRoute.editActivity(id).href(context),
                                  fields: activityFields(context, input, statuses: statuses), errors: errors, status: .badRequest,
                                  back: .editCommitment(existing.commitmentID))
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
        return context.redirect(PlanRoute.editCommitment(existing.commitmentID), notice: .saved)
    }
}
