import CivicSDK
import GRDB
import Hummingbird
import Testing
@testable import OpenCommune

@Suite struct AfterEffectsStageTests {
    private func historyRows(_ harness: StageHarness) async throws -> Int {
        try await harness.services.database("alpha").read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM figure_history") ?? 0 }
    }

    @Test func aSuccessfulChangeRecordsTheFiguresAfterTheAnswer() async throws {
        let harness = try StageHarness()
        let stage = AfterEffectsStage(services: harness.services)
        let response = try await stage.handle(StageHarness.request(.post, "/feedback"), context: try harness.context()) { _, _ in
            StageHarness.answer(.seeOther)
        }
        #expect(response.status == .seeOther)
        await harness.services.afterEffects.idle()
        #expect(try await historyRows(harness) > 0)
    }

    @Test func readsAndRefusedChangesRecordNothing() async throws {
        let harness = try StageHarness()
        let stage = AfterEffectsStage(services: harness.services)
        _ = try await stage.handle(StageHarness.request("/"), context: try harness.context()) { _, _ in StageHarness.answer() }
        _ = try await stage.handle(StageHarness.request(.post, "/feedback"), context: try harness.context()) { _, _ in StageHarness.answer(.badRequest) }
        await harness.services.afterEffects.idle()
        #expect(try await historyRows(harness) == 0)
    }
}
