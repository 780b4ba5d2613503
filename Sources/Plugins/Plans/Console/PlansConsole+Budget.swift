import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// A commitment's budget: dated lines added (with an evidence file) and deleted in the console,
/// each change audited so the commitment's public history keeps even a deleted line.
extension PlansConsole {
    /// The tenant's currency for new lines: the module's `currency` setting, an ISO 4217 code.
    static func currency(_ context: CivicContext) -> String {
        let code = (context.moduleSettings["currency"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        return code.count == 3 && code.allSatisfy { $0.isASCII && $0.isLetter } ? code : "MAD"
    }

    @Sendable func addBudgetLine(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let commitment = try await commitment(context)
        let commitmentID = commitment.id ?? 0
        let activities = try await context.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM activity WHERE commitment_id = ?", arguments: [commitmentID])
        }
        var input = BudgetLineForm(context.form, context: context, activities: Set(activities))
        var stored: StoredFile?
        if input.problems.isEmpty, let evidence = context.form.file("evidence") {
            do { stored = try context.files.store(evidence, accepting: Self.evidenceKinds, maxBytes: Self.maxEvidenceBytes) } catch let rejection as FileRejection {
                input.problems.add("evidence", context.text(rejection.key))
            }
        }
        guard input.problems.isEmpty else {
            return try await renderCommitment(context, commitment: commitment, input: self.input(commitment), errors: [], budget: input, status: .badRequest)
        }
        let line = input.line(commitmentID: commitmentID, currency: Self.currency(context), author: context.account?.displayName ?? "system",
                              evidence: stored, evidenceLabel: stored == nil ? nil : String((context.form.file("evidence")?.filename ?? "").suffix(200)))
        do {
            try await context.database.write { db in
                var line = line
                try line.insert(db)
                try context.audit(db, action: "create", itemType: "commitment", itemID: String(commitmentID), summary: "budget",
                                  changes: FieldChange.diff(old: [:], new: PlanAudit.snapshot(line)))
            }
        } catch {
            if let stored { context.files.remove(stored.name) }
            throw error
        }
        return context.redirect(PlanRoute.editCommitment(commitmentID), notice: .created)
    }

    @Sendable func deleteBudgetLine(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let line = try await record(BudgetLine.self, context)
        try await context.database.write { db in
            _ = try line.delete(db)
            try context.audit(db, action: "delete", itemType: "commitment", itemID: String(line.commitmentID), summary: "budget",
                              changes: FieldChange.diff(old: PlanAudit.snapshot(line), new: [:]))
        }
        // the evidence file stays: the public history may still name it
        return context.redirect(PlanRoute.editCommitment(line.commitmentID), notice: .deleted)
    }
}
