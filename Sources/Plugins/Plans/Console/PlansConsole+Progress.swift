import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Progress updates (with evidence files) and indicators with their values.
extension PlansConsole {
    @Sendable func postUpdate(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let problems = try await ProgressUpdates.record(context.form, on: commitment, context: context, evidenceKinds: Self.evidenceKinds,
                                                        maxEvidenceBytes: Self.maxEvidenceBytes).errors
        guard problems.isEmpty else {
            // the refused update comes back in its own form, as typed, each problem beside its field
            return try await renderCommitment(context, commitment: commitment, input: input(commitment), errors: [],
                                              update: (context.form, problems), status: .badRequest)
        }
        return context.redirect(PlanRoute.editCommitment(commitment.id ?? 0), notice: .saved)
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
        return context.redirect(PlanRoute.editCommitment(commitmentID), notice: .created)
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
                              changes: [FieldChange(field: "indicator.\(id).\(date)", old: nil, new: NumberText.plain(value))])
        }
        return context.redirect(PlanRoute.editCommitment(indicator.commitmentID), notice: .saved)
    }
}
