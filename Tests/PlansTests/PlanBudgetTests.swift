import CivicSDK
import Foundation
import GRDB
import Testing
@testable import Plans
import TestSupport

/// A commitment's budget: dated lines entered in the console, rolled up to the plan, in the pages,
/// exports, API and dashboard; refused input keeps what was typed and stores nothing.
@Suite struct PlanBudgetTests {
    /// The sample plan without its example budget.
    private func host() async throws -> (TestHost, Int64, Int64) {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.write("alpha") { db in try db.execute(sql: "DELETE FROM budget_line") }
        let ids = try await host.read("alpha") { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2")!,
             try Int64.fetchOne(db, sql: "SELECT MIN(a.id) FROM activity a JOIN commitment c ON c.id = a.commitment_id WHERE c.number = 2")!)
        }
        return (host, ids.0, ids.1)
    }

    private func lines(_ host: TestHost) async throws -> Int {
        try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM budget_line") ?? -1 }
    }

    @Test func linesRollUpToTheCommitmentThePlanTheExportsAndTheDashboard() async throws {
        let (host, commitmentID, activityID) = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            let budget = "/alpha/admin/plans/commitments/\(commitmentID)/budget"
            #expect(try await editor.post(budget, [("kind", "planned"), ("amount", "1200000"), ("date", "2024-01-15"), ("activity", ""),
                                                   ("label.fr", "Budget voté")]).status == .seeOther)
            #expect(try await editor.post(budget, [("kind", "committed"), ("amount", "400000"), ("date", "2024-03-01"),
                                                   ("activity", String(activityID)), ("label.fr", "Marché n° 12/2024")]).status == .seeOther)
            #expect(try await editor.postMultipart(budget, [("kind", "spent"), ("amount", "250000,50"), ("date", "2024-06-15"), ("activity", String(activityID))],
                                                   files: [.init(field: "evidence", filename: "facture.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)])
                .status == .seeOther)

            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2").body
            #expect(sheet.contains("<h2 id=\"budget-title\">Budget</h2>"))
            #expect(sheet.contains("<dd>1\u{202F}200\u{202F}000\u{00A0}MAD</dd>"), "planned, as French writes it")
            #expect(sheet.contains("<dd>21\u{202F}%</dd>"), "250 000,50 of 1 200 000 spent")
            #expect(sheet.contains("Marché n° 12/2024") && sheet.contains(">facture.pdf</a>"))
            let arabic = try await visitor.get("/alpha/plans/2?lang=ar").body
            #expect(arabic.contains("<h2 id=\"budget-title\">الميزانية</h2>") && arabic.contains("<dd>1.200.000\u{00A0}MAD</dd>"), "Moroccan digits grouping")
            let plan = try await visitor.get("/alpha/plans?lang=fr").body
            #expect(plan.contains("<dd>400\u{202F}000\u{00A0}MAD</dd>"), "the plan's page sums its commitments")
            let csv = try await visitor.get("/alpha/plans/budget.csv").body
            #expect(csv.contains("commitment,activity_id,kind,date,amount,currency"))
            #expect(csv.contains("2,\(activityID),spent,2024-06-15,250000.5,MAD"))
            let json = try await visitor.get("/alpha/plans/export.json").body
            #expect(json.contains("\"budgetTotals\":{\"committed\":400000,\"currency\":\"MAD\",\"planned\":1200000,\"spent\":250000.5}"))
            let api = try JSONSerialization.jsonObject(with: Data(try await visitor.get("/alpha/api/v1/plans").body.utf8)) as? [String: Any]
            #expect((api?["budget"] as? [String: Any])?["spent"] as? Double == 250000.5)
            let dashboard = try JSONSerialization.jsonObject(with: Data(try await visitor.get("/alpha/api/v1/dashboard?year=2024").body.utf8)) as? [String: Any]
            let figures = Dictionary(uniqueKeysWithValues: (dashboard?["figures"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) })
            let spent = Dictionary(uniqueKeysWithValues: (figures["plans.budget.spent"]?["series"] as? [[String: Any]] ?? [])
                .map { ($0["month"] as? String ?? "", $0["value"] as? Double ?? -1) })
            #expect(spent["2024-05"] == 0 && spent["2024-06"] == 250000.5, "spent counts from the day it was spent")
            #expect(figures["plans.budget_executed"]?["value"] as? Double == 21)
        }
        #expect(try await lines(host) == 3)
    }

    @Test func amountsKeepTheirCentimesInEveryLanguage() {
        #expect(BudgetTotals.written(1_200_000.55, currency: "MAD", locale: "fr", digits: .western) == "1\u{202F}200\u{202F}000,55\u{00A0}MAD")
        #expect(BudgetTotals.written(1_200_000.55, currency: "MAD", locale: "ar", digits: .western) == "1.200.000,55\u{00A0}MAD")
        #expect(BudgetTotals.written(450_000, currency: "MAD", locale: "en", digits: .western) == "450,000\u{00A0}MAD")
    }

    @Test func theDemoCommitmentHasAnExampleBudget() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2").body
            #expect(sheet.contains("<dd>450\u{202F}000\u{00A0}MAD</dd>") && sheet.contains("<dd>36\u{202F}%</dd>"), "162 000 of 450 000 spent")
            #expect(sheet.contains("Exemple : décompte final"))
        }
    }

    @Test func refusedLinesKeepWhatWasTypedAndStoreNothing() async throws {
        let (host, commitmentID, _) = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            let budget = "/alpha/admin/plans/commitments/\(commitmentID)/budget"
            let words = try await editor.post(budget, [("kind", "spent"), ("amount", "beaucoup"), ("date", "2024-06-15"), ("label.fr", "Facture")])
            #expect(words.status == .badRequest)
            #expect(words.body.contains("value=\"beaucoup\"") && words.body.contains("Écrivez un montant positif"))
            #expect(try await editor.post(budget, [("kind", "spent"), ("amount", "-10"), ("date", "2024-06-15")]).status == .badRequest)
            #expect(try await editor.post(budget, [("kind", "gift"), ("amount", "10"), ("date", "2024-06-15")]).status == .badRequest)
            #expect(try await editor.post(budget, [("kind", "planned"), ("amount", "10"), ("date", "15/06/2024")]).status == .badRequest)
            #expect(try await editor.post(budget, [("kind", "planned"), ("amount", "10"), ("date", "2024-06-15"), ("activity", "999999")]).status == .badRequest)
            #expect(try await editor.post(budget, [("kind", "planned"), ("amount", "10"), ("date", "2024-06-15")], csrf: "forged").status == .forbidden)
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.post(budget, [("kind", "planned"), ("amount", "10"), ("date", "2024-06-15")]).status == .forbidden)
            // nothing entered: no budget anywhere
            var visitor = Browser(client)
            #expect(!(try await visitor.get("/alpha/plans/2").body.contains("budget-title")))
            #expect(!(try await visitor.get("/alpha/api/v1/dashboard").body.contains("plans.budget")))
        }
        #expect(try await lines(host) == 0)
    }

    @Test func aDeletedLineLeavesTheTotalsAndStaysInTheHistory() async throws {
        let (host, commitmentID, _) = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            #expect(try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/budget",
                                          [("kind", "planned"), ("amount", "5000"), ("date", "2024-01-15")]).status == .seeOther)
            let id = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM budget_line") })
            let console = try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            #expect(console.body.contains("/alpha/admin/plans/budget/\(id)/delete"))
            #expect(try await editor.post("/alpha/admin/plans/budget/\(id)/delete", []).status == .seeOther)
            #expect(try await editor.post("/alpha/admin/plans/budget/\(id)/delete", []).status == .notFound)
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2").body
            #expect(!sheet.contains("budget-title"))
            #expect(sheet.contains("Nature du montant") && sheet.contains("5000 MAD"), "the history names the deleted line's fields")
        }
        #expect(try await lines(host) == 0)
    }
}
