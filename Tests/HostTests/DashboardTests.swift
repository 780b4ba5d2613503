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

    static func series(_ figures: [String: [String: Any]], _ id: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (figures[id]?["series"] as? [[String: Any]] ?? []).map { ($0["month"] as? String ?? "", $0["value"] as? Double ?? -1) })
    }

    /// The month `back` months before the current one, as `YYYY-MM`, and its 15th day.
    static func monthsAgo(_ back: Int, today: String) -> (month: String, day: String) {
        let index = (Int(today.prefix(4)) ?? 0) * 12 + (Int(today.dropFirst(5).prefix(2)) ?? 1) - 1 - back
        let month = String(format: "%04d-%02d", index / 12, index % 12 + 1)
        return (month, month + "-15")
    }

    @Test func inputEnteredLateCountsInTheMonthItWasReceivedOnEveryPage() async throws {
        let host = try await TestHost()
        try await host.enable("pages", on: "alpha")
        let today = try #require(host.tenant("alpha")).today
        let received = Self.monthsAgo(2, today: today), before = Self.monthsAgo(3, today: today)
        try await host.test { client in
            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            try await moderator.get("/alpha/admin/feedback/new")
            #expect(try await moderator.post("/alpha/admin/feedback/new", [("subject", "core:general"), ("kind", "suggestion"), ("channel", "paper"),
                                                                           ("received_on", received.day), ("body", "Saisie après coup")]).status == .seeOther)
            var visitor = Browser(client)
            let figures = try Self.figures(try await visitor.get("/alpha/api/v1/dashboard").body)
            let series = Self.series(figures, "feedback.received")
            #expect(series[before.month] == 0)
            #expect(series[received.month] == 1)
            #expect(series.count == 12)
            #expect(Self.series(figures, "feedback.channel.paper")[received.month] == 1)
            // the feedback page counts it in the same month
            let stats = try JSONSerialization.jsonObject(with: Data(try await visitor.get("/alpha/api/v1/feedback/stats").body.utf8)) as? [String: Any]
            let months = stats?["months"] as? [[String: Any]] ?? []
            #expect(months.first { $0["month"] as? String == received.month }?["received"] as? Int == 1)
            #expect(try await visitor.get("/alpha/dashboard").body.contains("id=\"details-title\""))
        }
    }

    @Test func reportsCountFromTheirPublicationDateAndEarlierYearsAreOffered() async throws {
        let host = try await TestHost()
        try await host.enable("reports", on: "alpha", withSample: true)
        let published = try await host.read("alpha") { db in
            try String.fetchAll(db, sql: "SELECT published_on FROM report WHERE status = 'published' ORDER BY published_on")
        }
        let first = try #require(published.first)
        let year = String(first.prefix(4))
        try await host.test { client in
            var visitor = Browser(client)
            let figures = try Self.figures(try await visitor.get("/alpha/api/v1/dashboard?year=\(year)").body)
            let series = Self.series(figures, "reports.published")
            #expect(series.count == 12)
            for (month, value) in series {
                #expect(value == Double(published.filter { $0.prefix(7) <= month }.count), "reports published by the end of \(month)")
            }
            #expect(try await visitor.get("/alpha/dashboard").body.contains("<option value=\"\(year)\""))
            #expect(try await visitor.get("/alpha/api/v1/dashboard?year=1999").status == .badRequest)
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
