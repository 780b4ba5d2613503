import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// A commitment's indicators: added, edited and deleted in the console, each change audited (a
/// deleted indicator stays in the commitment's public history with its last values).
extension PlansConsole {
    @Sendable func addIndicator(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let typed = IndicatorForm(context.form, context: context, live: Set(try await services.figures.live(context).keys))
        guard typed.problems.isEmpty else {
            // the refused indicator comes back in its own form, as typed, each problem beside its field
            return try await renderCommitment(context, commitment: commitment, input: input(commitment), errors: [], indicator: typed, status: .badRequest)
        }
        let commitmentID = commitment.id ?? 0
        try await context.database.write { db in
            let position = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_indicator WHERE commitment_id = ?", arguments: [commitmentID]) ?? 0
            var indicator = typed.applied(to: PlanIndicator(commitmentID: commitmentID, name: [:], kind: "result", unit: [:], baseline: nil, target: nil,
                                                            source: nil, position: position))
            try indicator.insert(db)
            try context.audit(db, action: "create", itemType: "commitment", itemID: String(commitmentID), summary: "indicator",
                              changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(indicator)))
        }
        return context.redirect(PlanRoute.editCommitment(commitmentID), notice: .created)
    }

    @Sendable func editIndicator(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let indicator = try await indicator(context)
        return try await renderIndicator(context, indicator: indicator, input: IndicatorForm(indicator), status: .ok)
    }

    @Sendable func updateIndicator(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let indicator = try await indicator(context)
        let input = IndicatorForm(context.form, context: context, live: Set(try await services.figures.live(context).keys))
        guard input.problems.isEmpty else { return try await renderIndicator(context, indicator: indicator, input: input, status: .badRequest) }
        let changed = input.applied(to: indicator)
        let changes = FieldChange.diff(old: PlanAudit.snapshot(indicator), new: PlanAudit.snapshot(changed))
        if !changes.isEmpty {
            try await context.database.write { db in
                try changed.update(db)
                try context.audit(db, action: "update", itemType: "commitment", itemID: String(indicator.commitmentID), summary: "indicator", changes: changes)
            }
        }
        return context.redirect(PlanRoute.editCommitment(indicator.commitmentID), notice: .saved)
    }

    @Sendable func deleteIndicator(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let indicator = try await indicator(context)
        try await context.database.write { db in
            _ = try indicator.delete(db)
            try context.audit(db, action: "delete", itemType: "commitment", itemID: String(indicator.commitmentID), summary: "indicator",
                              changes: FieldChange.diff(old: PlanAudit.snapshot(indicator), new: [:]))
        }
        return context.redirect(PlanRoute.editCommitment(indicator.commitmentID), notice: .deleted)
    }

    @Sendable func addIndicatorValue(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let indicator = try await indicator(context)
        let id = indicator.id ?? 0
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
                              changes: [FieldChange(field: "indicator.\(id).\(date)", old: nil, new: NumberText.plain(value))])
        }
        return context.redirect(PlanRoute.editCommitment(indicator.commitmentID), notice: .saved)
    }

    /// The indicator the address names, or 404.
    private func indicator(_ context: CivicContext) async throws -> PlanIndicator { try await record(PlanIndicator.self, context) }

    private func renderIndicator(_ context: CivicContext, indicator: PlanIndicator, input: IndicatorForm, status: HTTPResponse.Status) async throws -> Response {
        let live = Array(try await services.figures.live(context).values)
        return try renderForm(context, heading: context.text("plans.console.edit_indicator"), action: PlanRoute.indicator(indicator.id ?? 0).href(context),
                              fields: input.fields(context, live: live), errors: input.problems.messages, status: status,
                              back: .editCommitment(indicator.commitmentID))
    }
}
