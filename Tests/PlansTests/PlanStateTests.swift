import CivicSDK
import Foundation
import GRDB
import Testing
@testable import Plans

/// The plan's figures at a past moment are rebuilt from dated facts: progress updates and actual dates.
@Suite struct PlanStateTests {
    static let tenant = Tenant(slug: "t", kind: .commune, parentSlug: nil, name: ["fr": "T"], locales: ["fr"])

    /// A plan of 2023–2026 with one commitment of two activities: A done in April 2023 (no update),
    /// B planned for the second half of 2023, reported at 20 % in September 2023 and 50 % in February 2024.
    static func database() throws -> DatabaseQueue {
        let queue = try PlanDatabase.migrated()
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO plan (id, title, start_year, end_year, status, created_at, updated_at) VALUES (1, '{"fr":"Plan"}', 2023, 2026, 'in_force', '2026-11-30', '2026-11-30');
                INSERT INTO commitment (id, plan_id, number, title, status, published, updated_at) VALUES (1, 1, 1, '{"fr":"E1"}', 'in_progress', 1, '2026-11-30');
                INSERT INTO activity (id, commitment_id, title, planned_start, planned_end, actual_start, actual_end, status, progress, position)
                VALUES (1, 1, '{"fr":"A"}', '2023-01', '2023-03', '2023-01', '2023-04', 'completed', 100, 0),
                       (2, 1, '{"fr":"B"}', '2023-06', '2023-12', '2023-07', NULL, 'in_progress', 50, 1);
                INSERT INTO progress_update (commitment_id, activity_id, date, text, new_progress, new_status, author) VALUES
                    (1, 2, '2023-09-01', '{"fr":"Lancé"}', 20, NULL, 'x'),
                    (1, 2, '2024-02-10', '{"fr":"À mi-chemin"}', 50, NULL, 'x'),
                    (1, NULL, '2024-03-01', '{"fr":"Retard"}', NULL, 'delayed', 'x');
                """)
        }
        return queue
    }

    static func figures(_ queue: DatabaseQueue, day: String) throws -> [String: Double] {
        let moment = try #require(FigureMoment.endOf(day: day, tenant))
        let state = try #require(try queue.read { db in try PlanState.load(db, at: moment) })
        let commitment = try #require(state.commitments.first)
        return ["progress": state.progress, "late": Double(state.lateActivities), "delayed": commitment.status == "delayed" ? 1 : 0,
                "a": Double(commitment.activities[0].progress), "b": Double(commitment.activities[1].progress)]
    }

    @Test func eachPastDayHasTheProgressItsFactsGave() throws {
        let queue = try Self.database()
        // March 2023: A running (started, no dated progress: its current value), B not started
        #expect(try Self.figures(queue, day: "2023-05-31") == ["progress": 50, "late": 0, "delayed": 0, "a": 100, "b": 0])
        #expect(try Self.figures(queue, day: "2023-10-31") == ["progress": 60, "late": 0, "delayed": 0, "a": 100, "b": 20])
        // January 2024: B is past its planned end at 20 %: late
        #expect(try Self.figures(queue, day: "2024-01-31") == ["progress": 60, "late": 1, "delayed": 0, "a": 100, "b": 20])
        #expect(try Self.figures(queue, day: "2024-03-31") == ["progress": 75, "late": 1, "delayed": 1, "a": 100, "b": 50])
    }

    @Test func beforeItsFirstYearThePlanHasNoFigures() throws {
        let queue = try Self.database()
        let moment = try #require(FigureMoment.endOf(day: "2022-12-31", Self.tenant))
        #expect(try queue.read { db in try PlanState.load(db, at: moment) } == nil)
    }

    @Test func aValueIsTheLastDatedFactElseWhatItWasBeforeTheFirst() {
        let facts: [(date: String, value: Int?)] = [("2024-01-01", 10), ("2024-02-01", nil), ("2024-03-01", 30)]
        #expect(PlanState.value(facts, at: "2023-12-31", current: 99, before: 0) == 0)
        #expect(PlanState.value(facts, at: "2024-02-15", current: 99, before: 0) == 10)
        #expect(PlanState.value(facts, at: "2024-03-01", current: 99, before: 0) == 30)
        #expect(PlanState.value([], at: "2024-03-01", current: 99, before: 0) == 99)
    }
}
