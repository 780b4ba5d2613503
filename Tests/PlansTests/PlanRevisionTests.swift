import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct PlanRevisionTests {
    @Test func revisionFreezesTheVersionAndComparesItWithTheNext() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        let activityID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM activity WHERE planned_start = '2024-02'") })
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans")
            #expect(try await editor.post("/alpha/admin/plans/revisions", [("reason.fr", "")]).status == .badRequest)
            let frozen = try await editor.post("/alpha/admin/plans/revisions", [("reason.fr", "Réorganisation du plan en 5 engagements")])
            #expect(frozen.status == .seeOther)

            // after the revision: one activity rescheduled, one commitment added and published
            try await editor.get("/alpha/admin/plans/activities/\(activityID)")
            let rescheduled = try await editor.post("/alpha/admin/plans/activities/\(activityID)", [
                ("title.fr", "Mise en ligne du rapport annuel"), ("planned_start", "2024-05"), ("planned_end", "2024-06"),
                ("status", "not_started"), ("progress", "0"), ("position", "2"),
            ])
            #expect(rescheduled.status == .seeOther)
            try await editor.get("/alpha/admin/plans/commitments/new")
            try await editor.post("/alpha/admin/plans/commitments", [("number", "5"), ("title.fr", "Budget ouvert"), ("status", "not_started"), ("completion", "not_started")])
            let newID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 5") })
            try await editor.post("/alpha/admin/plans/commitments/\(newID)/publish", [])

            var visitor = Browser(client)
            let list = try await visitor.get("/alpha/plans/revisions")
            #expect(list.body.contains("Réorganisation du plan en 5 engagements"))
            let comparison = try await visitor.get("/alpha/plans/revisions/1")
            #expect(comparison.status == .ok)
            #expect(comparison.body.contains("Plan actuel"))
            #expect(comparison.body.contains("<strong>ajouté</strong>"))
            #expect(comparison.body.contains("5. Budget ouvert"))
            #expect(comparison.body.contains("<strong>reprogrammé</strong>"))
            #expect(comparison.body.contains("2024-02 – 2024-03") && comparison.body.contains("2024-05 – 2024-06"))
            #expect(try await visitor.get("/alpha/plans/revisions/9").status == .notFound)

            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/account")
            #expect(try await citizen.post("/alpha/admin/plans/revisions", [("reason.fr", "X")]).status == .forbidden)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_revision") } == 1)
    }
}

@Suite struct PlanStatusTests {
    @Test func tenantDefinesItsOwnStatuses() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/statuses")
            let bad = try await editor.post("/alpha/admin/plans/statuses", [("key", "Bad Key"), ("label.fr", ""), ("progress", "200")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Lettres minuscules") && bad.body.contains("entier de 0 à 100"))
            #expect(try await editor.post("/alpha/admin/plans/statuses", [("key", "on_hold"), ("label.fr", "En pause"), ("progress", "30")]).status == .seeOther)
            #expect(try await editor.post("/alpha/admin/plans/statuses", [("key", "in_progress"), ("label.fr", "En cours de réalisation"), ("progress", "60")]).status == .seeOther)
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/plans")
            #expect(page.body.contains("<option value=\"on_hold\">En pause</option>"))
            #expect(page.body.contains("En cours de réalisation"))
            let dashboard = try await visitor.get("/alpha/dashboard")
            #expect(dashboard.body.contains("En cours de réalisation"), "commitments by status feed the tenant's figures")
        }
        let count = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_status") }
        #expect(count == 6)
    }
}
