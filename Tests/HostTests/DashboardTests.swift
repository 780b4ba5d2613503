import CivicSDK
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

/// The public dashboard: figures equal the data, past months never move, instances are shown apart.
@Suite struct DashboardTests {
    static func figures(_ body: String) throws -> [String: [String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let list = object?["figures"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
    }

    /// Each instance of a dashboard document with the ids of its figures.
    static func instanceFigureIDs(_ body: String) throws -> [(slug: String, figures: [String])] {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return (object?["instances"] as? [[String: Any]] ?? []).map { instance in
            (instance["slug"] as? String ?? "", (instance["figures"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
    }

    @Test func figuresEqualCountsTakenFromTheData() async throws {
        let host = try await TestHost()
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.enable("consultations", on: "alpha", withSample: true)
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/reports/1")
            for body in ["Premier avis", "Second avis"] {
                _ = try await citizen.post("/alpha/feedback", [("module", "reports"), ("item", "report:1"), ("kind", "suggestion"), ("body", body)])
            }
            var visitor = Browser(client)
            visitor.headers = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
            _ = try await visitor.post("/alpha/consultations/1/answer", [("q4", "3"), ("q2-1", "1"), ("q2-2", "2"), ("q2-3", "3")], csrf: "")
            let json = try await visitor.get("/alpha/api/v1/dashboard")
            #expect(json.status == .ok)
            let figures = try Self.figures(json.body)
            let counts = try await host.read("alpha") { db in
                [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report WHERE status = 'published'") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consultation_response") ?? -1]
            }
            #expect(figures["feedback.received"]?["value"] as? Double == Double(counts[0]))
            #expect(figures["reports.published"]?["value"] as? Double == Double(counts[1]))
            #expect(figures["consultations.answers"]?["value"] as? Double == Double(counts[2]))
            #expect(counts == [2, 1, 1])
            let page = try await visitor.get("/alpha/dashboard")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"feedback-received\""))
            #expect(page.body.contains("<div class=\"bars\""))
            let arabic = try await visitor.get("/alpha/dashboard?lang=ar")
            #expect(arabic.body.contains("dir=\"rtl\""))
            let csv = try await visitor.get("/alpha/dashboard.csv")
            #expect(csv.body.contains("figure,title,month,value,unit\r\n") || csv.body.contains("figure,title,month,value,unit\n"))
            #expect(csv.body.contains("feedback.received,"))
        }
    }

    @Test func aPastMonthKeepsItsFigureWhateverHappensLater() async throws {
        let host = try await TestHost()
        try await host.write("alpha") { db in
            try db.execute(sql: """
                INSERT INTO figure_history (figure, month, value, title, unit, recorded_at)
                VALUES ('feedback.received', '2025-03', 7, '{"fr":"Reçus"}', '{}', '2025-03-31 23:00:00')
                """)
        }
        try await host.enable("pages", on: "alpha")
        try await host.test { client in
            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            try await moderator.get("/alpha/admin/feedback/new")
            #expect(try await moderator.post("/alpha/admin/feedback/new", [("subject", "core:general"), ("kind", "suggestion"), ("channel", "paper"),
                                                                           ("received_on", "2025-03-10"), ("body", "Ajouté après coup")]).status == .seeOther)
            var visitor = Browser(client)
            let figures = try Self.figures(try await visitor.get("/alpha/api/v1/dashboard").body)
            let series = figures["feedback.received"]?["series"] as? [[String: Any]] ?? []
            #expect(series.first { $0["month"] as? String == "2025-03" }?["value"] as? Double == 7)
            #expect(series.last?["month"] as? String == FigureHistory.month())
            #expect(series.last?["value"] as? Double == 1)
            // the breakdown by channel keeps a history too, and is listed apart on the page
            #expect(figures["feedback.channel.paper"]?["value"] as? Double == 1)
            #expect(figures["feedback.outcome.adopted"]?["value"] as? Double == 0)
            #expect(try await visitor.get("/alpha/dashboard").body.contains("id=\"details-title\""))
            let year = try Self.figures(try await visitor.get("/alpha/api/v1/dashboard?year=2025").body)
            #expect((year["feedback.received"]?["series"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func recordingWritesOnlyTheCurrentMonthAndOnlyChanges() throws {
        let queue = try DatabaseQueue()
        try CoreSchema.migrator.migrate(queue)
        let figure = { (value: Double) in Indicator(id: "x.count", title: ["fr": "X"], value: value) }
        try queue.write { db in
            #expect(try FigureHistory.record(db, figures: [figure(3)], month: "2026-01") == 1)
            #expect(try FigureHistory.record(db, figures: [figure(3)], month: "2026-01") == 0)
            #expect(try FigureHistory.record(db, figures: [figure(5)], month: "2026-02") == 1)
            #expect(try FigureHistory.record(db, figures: [figure(9)], month: "2026-02") == 1)
            let points = try FigureHistory.series(db).first?.points ?? []
            #expect(points == [.init(month: "2026-01", value: 3), .init(month: "2026-02", value: 9)])
        }
    }

    @Test func aCommunesDashboardShowsItsInstancesApart() async throws {
        let host = try await TestHost()
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        try await host.test { client in
            var visitor = Browser(client)
            let json = try await visitor.get("/alpha/api/v1/dashboard")
            let instances = try Self.instanceFigureIDs(json.body)
            #expect(instances.map(\.slug) == ["alpha-youth"])
            #expect(instances.first?.figures.contains("instances.opinions") == true)
            // the commune's own figures do not include the instance's
            #expect(try Self.figures(json.body)["instances.opinions"] == nil)
            let page = try await visitor.get("/alpha/dashboard")
            #expect(page.body.contains("Instance jeunesse"))
            #expect(try await visitor.get("/alpha-youth/api/v1/dashboard").body.contains("\"instances\":[]"))
        }
    }
}
