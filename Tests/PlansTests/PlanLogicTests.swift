import CivicSDK
import Foundation
import GRDB
import Synchronization
import Testing
@testable import Plans
import TestSupport

@Suite struct PlanLogicTests {
    @Test func yearMonthParsesAndCompares() {
        #expect(YearMonth("2023-06")?.description == "2023-06")
        #expect(YearMonth("2023-13") == nil)
        #expect(YearMonth("23-06") == nil)
        #expect(YearMonth("2023-06")! < YearMonth("2024-01")!)
        #expect(YearMonth("2023-11")!.months(to: YearMonth("2024-02")!) == 3)
    }

    @Test func progressRollsUpAsAPlainAverage() {
        func activity(_ progress: Int) -> Activity {
            Activity(commitmentID: 1, title: [:], plannedStart: "2024-01", plannedEnd: "2024-02", actualStart: nil, actualEnd: nil,
                     status: "in_progress", progress: progress, responsible: [:], deliverable: [:], position: 0)
        }
        #expect(PlanOverview.rollup([activity(0), activity(50), activity(100)], status: nil) == 50)
        #expect(PlanOverview.rollup([], status: PlanStatus.defaults[3]) == 100, "no activities: the status's progress")
        let statuses = Dictionary(uniqueKeysWithValues: PlanStatus.defaults.map { ($0.key, $0) })
        #expect(activity(40).isLate(today: YearMonth("2024-03")!, statuses: statuses))
        #expect(!activity(40).isLate(today: YearMonth("2024-02")!, statuses: statuses), "not late during its last month")
        #expect(!activity(100).isLate(today: YearMonth("2025-01")!, statuses: statuses))
    }

    @Test func timelineCountsWholeYearsOfMonthsAndPlacesToday() throws {
        let bar = { (a: String, b: String) in TimelineChart.Bar(start: YearMonth(a)!, end: YearMonth(b)!) }
        let chart = try #require(TimelineChart(rows: [("A", bar("2023-03", "2023-12"), nil), ("B", bar("2024-01", "2024-12"), bar("2024-03", "2024-06"))],
                                               period: nil, today: YearMonth("2024-01")!))
        #expect(chart.months == 24, "from January of the first year to December of the last")
        #expect(chart.years == ["2023", "2024"])
        #expect(chart.yearLines == ["12"])
        #expect(chart.rows[0].planned.x == 2 && chart.rows[0].planned.w == 10)
        #expect(chart.rows[1].planned.x == 12 && chart.rows[1].planned.w == 12)
        #expect(chart.rows[1].actual?.x == 14 && chart.rows[1].actual?.w == 4)
        #expect(chart.rows[0].today == "12.5", "the middle of today's month")
        #expect(chart.rows[0].label == "A", "each bar carries its activity's name")
        #expect(TimelineChart(rows: [], period: nil, today: YearMonth("2030-01")!) == nil)
        let past = try #require(TimelineChart(rows: [("A", bar("2023-01", "2023-12"), nil)], period: nil, today: YearMonth("2030-01")!))
        #expect(past.rows[0].today == nil && !past.hasToday)
    }

    @Test func planOverviewReadsAFixedNumberOfQueries() throws {
        func statements(commitments: Int, activitiesEach: Int) throws -> Int {
            let count = Mutex(0)
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                db.trace { event in if case .statement(let statement) = event, statement.sql.hasPrefix("SELECT") { count.withLock { $0 += 1 } } }
            }
            let queue = try PlanDatabase.migrated(try DatabaseQueue(configuration: configuration))
            try queue.write { db in
                var plan = Plan(title: ["fr": "P"], description: [:], startYear: 2023, endYear: 2026, status: .inForce, createdAt: Date(), updatedAt: Date())
                try plan.insert(db)
                for number in 1...commitments {
                    var commitment = Commitment(planID: plan.id!, number: number, title: ["fr": "C\(number)"], principles: "transparency",
                                                leadServices: [:], otherActors: [:], problem: [:], solution: [:], expectedResults: [:],
                                                status: "in_progress", completion: "limited", published: true, position: number, updatedAt: Date())
                    try commitment.insert(db)
                    for index in 0..<activitiesEach {
                        var activity = Activity(commitmentID: commitment.id!, title: ["fr": "A"], plannedStart: "2024-01", plannedEnd: "2024-06",
                                                actualStart: nil, actualEnd: nil, status: "in_progress", progress: index * 10,
                                                responsible: [:], deliverable: [:], position: index)
                        try activity.insert(db)
                    }
                }
            }
            count.withLock { $0 = 0 }
            let overview = try queue.read { db in try PlanOverview.load(db, includeUnpublished: false, today: YearMonth("2025-01")!) }
            #expect(overview?.rows.count == commitments)
            return count.withLock { $0 }
        }
        let small = try statements(commitments: 1, activitiesEach: 1)
        let large = try statements(commitments: 50, activitiesEach: 6)
        #expect(small == large, "no N+1: \(small) queries for 1 commitment, \(large) for 50 with 300 activities")
        #expect(large <= 5)
    }
}

@Suite struct PlanIndicatorTests {
    @Test func sqlFiguresAgreeWithThePageRollup() async throws {
        let queue = try PlanDatabase.migrated()
        try await queue.write { db in
            // the host's core schema holds the audit log the sample writes to
            try db.execute(sql: """
                CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at DATETIME, account_id INTEGER, actor_name TEXT, module TEXT, action TEXT,
                                        item_type TEXT, item_id TEXT, summary TEXT, changes TEXT)
                """)
            try PlanSample.install(db)
            try db.execute(sql: "UPDATE activity SET progress = 100, status = 'completed' WHERE planned_start = '2023-01'")
            try db.execute(sql: "UPDATE activity SET progress = 33 WHERE planned_start = '2023-06'")
        }
        let tenant = Tenant(slug: "t", kind: .commune, parentSlug: nil, name: ["fr": "T"], locales: ["fr"])
        let module = try PlansModule(environment: try await TestHost().moduleEnvironment("t"))
        let figures = try await queue.read { db in try module.indicators(db, tenant, at: .now(tenant)) }
        let byID = Dictionary(uniqueKeysWithValues: figures.map { ($0.id, $0.value) })
        let overview = try #require(try await queue.read { db in try PlanOverview.load(db, includeUnpublished: false, today: YearMonth.current(tenant)) })
        #expect(byID["plans.progress"] == Double(overview.progress))
        #expect(byID["plans.late_activities"] == Double(overview.rows.map(\.lateActivities).reduce(0, +)))
        #expect(byID["plans.commitments"] == 1)
        #expect(byID["plans.status.in_progress"] == 1)
    }
}

@Suite struct PlanSchemaTests {
    @Test func theMigrationSeedsTheDefaultStatusesFromItsOwnLiteralData() throws {
        let queue = try PlanDatabase.migrated()
        let seeded = try queue.read { db in try PlanStatus.order(Column("position")).fetchAll(db) }
        #expect(seeded.map(\.key) == PlanStatus.defaults.map(\.key))
        #expect(seeded.map(\.label) == PlanStatus.defaults.map(\.label))
        #expect(seeded.map(\.progress) == PlanStatus.defaults.map(\.progress))
        #expect(seeded.map(\.complete) == PlanStatus.defaults.map(\.complete))
    }
}
