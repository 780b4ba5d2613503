import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Progress updates (with evidence files) and indicators' values.
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
}
