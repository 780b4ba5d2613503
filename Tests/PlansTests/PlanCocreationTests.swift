import CivicSDK
import Foundation
import GRDB
import Testing
import TestSupport

/// Drafting a plan with citizens: the draft is public and open to comments and proposals, a proposal
/// turned into a draft commitment is credited both ways, and once adopted the record stays public.
@Suite struct PlanCocreationTests {
    private func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        return host
    }

    private static let drafting: [(String, String)] = [
        ("title.fr", "Tétouan, commune ouverte 2027-2030"), ("start_year", "2027"), ("end_year", "2030"),
        ("drafting_opens", "2020-01-01"), ("drafting_closes", "2099-12-31"), ("revision", "on"),
    ]

    /// Opens the drafting phase as the editor; returns the new plan's id and its copy of commitment n°2.
    private func openDrafting(_ host: TestHost, _ editor: inout Browser) async throws -> (plan: Int64, commitment: Int64) {
        try await editor.get("/alpha/admin/plans/drafting")
        #expect(try await editor.post("/alpha/admin/plans/drafting", Self.drafting).status == .seeOther)
        let ids = try await host.read("alpha") { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM plan WHERE drafting_opens IS NOT NULL"),
             try Int64.fetchOne(db, sql: "SELECT c.id FROM commitment c JOIN plan p ON p.id = c.plan_id WHERE p.drafting_opens IS NOT NULL AND c.number = 2"))
        }
        return (try #require(ids.0), try #require(ids.1))
    }

    @Test func aDraftPlanIsPublicAndTakesCommentsAndProposals() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let (plan, commitment) = try await openDrafting(host, &editor)

            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            let plans = try await citizen.get("/alpha/plans?lang=fr").body
            #expect(plans.contains("Le prochain plan s’élabore avec vous") && plans.contains("/alpha/plans/cocreation/\(plan)"))
            #expect(plans.contains("Tétouan, commune ouverte 2023-2026"), "the plan in force stays the plan shown")
            let page = try await citizen.get("/alpha/plans/cocreation/\(plan)")
            #expect(page.status == .ok && page.body.contains("/alpha/plans/draft/2") && page.body.contains("name=\"title\""))
            let draft = try await citizen.get("/alpha/plans/draft/2")
            #expect(draft.status == .ok && draft.body.contains("Engagement en projet"))

            #expect(try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "draft:\(commitment)"), ("kind", "comment"),
                                                               ("body", "Publier aussi les comptes rendus des commissions.")]).status == .seeOther)
            #expect(try await citizen.get("/alpha/plans/draft/2").body.contains("Publier aussi les comptes rendus des commissions."))

            let untitled = try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "proposals:\(plan)"), ("kind", "suggestion"),
                                                                     ("body", "Un budget participatif par quartier.")])
            #expect(untitled.status == .unprocessableContent && untitled.body.contains("Donnez un titre à votre proposition."))
            #expect(untitled.body.contains("Un budget participatif par quartier."), "the text comes back")
            #expect(try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "proposals:\(plan)"), ("kind", "suggestion"),
                                                               ("title", "Budget participatif"), ("body", "Un budget participatif par quartier.")]).status == .seeOther)
            let record = try await citizen.get("/alpha/plans/cocreation/\(plan)").body
            #expect(record.contains("<strong>Budget participatif</strong>") && record.contains("En attente de réponse"))
            #expect(record.contains("Propositions\u{00A0}: \u{2068}1\u{2069}"), "the record counts it")
        }
    }

    @Test func aProposalBecomesADraftCommitmentCreditedBothWaysAndTheRecordOutlivesAdoption() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let (plan, _) = try await openDrafting(host, &editor)
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/plans/cocreation/\(plan)")
            #expect(try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "proposals:\(plan)"), ("kind", "suggestion"),
                                                               ("title", "Budget participatif"), ("body", "Un budget participatif par quartier.")]).status == .seeOther)
            let proposal = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM feedback WHERE title IS NOT NULL") })

            try await editor.get("/alpha/admin/plans/drafting")
            let turned = try await editor.post("/alpha/admin/plans/proposals/\(proposal)/commitment", [])
            #expect(turned.status == .seeOther)
            let console = try await editor.get(try #require(turned.headers[.location]))
            #expect(console.body.contains("href=\"/alpha/admin/plans/drafting\""), "a draft commitment's console page leads back to the drafting page")
            #expect(try await editor.post("/alpha/admin/plans/proposals/\(proposal)/commitment", []).status == .conflict, "once only")
            let (commitment, answer) = try await host.read("alpha") { db in
                (try Row.fetchOne(db, sql: "SELECT id, number FROM commitment WHERE proposal = ?", arguments: [proposal]).map { [$0["id"] as Int64, Int64($0["number"] as Int)] },
                 try Row.fetchOne(db, sql: "SELECT outcome, target FROM feedback_response WHERE feedback_id = ?", arguments: [proposal])
                    .map { [$0["outcome"] as String, $0["target"] as String] })
            }
            let id = try #require(commitment?[0]), number = try #require(commitment?[1])
            #expect(answer == ["adopted", "plans:draft:\(id)"], "answered, naming the commitment")
            let record = try await citizen.get("/alpha/plans/cocreation/\(plan)").body
            #expect(record.contains("Issu de la proposition") && record.contains("/alpha/plans/draft/\(number)"))
            #expect(try await citizen.get("/alpha/feedback/\(proposal)").body.contains("/alpha/plans/draft/\(number)"), "the proposal links to what it became")
            #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE recipient LIKE '%citizen@alpha.test%'") } ?? 0 >= 1,
                    "the author hears of the answer")

            try await editor.get("/alpha/admin/plans/drafting")
            #expect(try await editor.post("/alpha/admin/plans/drafting/adopt", []).status == .seeOther)
            let plans = try await citizen.get("/alpha/plans?lang=fr").body
            #expect(plans.contains("Tétouan, commune ouverte 2027-2030") && plans.contains("Comment ce plan a été élaboré avec les citoyens"))
            let statuses = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT status FROM plan ORDER BY id") }
            #expect(statuses == ["closed", "in_force"])
            let after = try await citizen.get("/alpha/plans/cocreation/\(plan)").body
            #expect(after.contains("puis adopté") && after.contains("Budget participatif") && after.contains("Cette phase est close"))
            let late = try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "proposals:\(plan)"), ("kind", "suggestion"),
                                                                 ("title", "Trop tard"), ("body", "Encore une idée.")])
            #expect(late.status == .forbidden)
        }
    }

    @Test func onlyEditorsDraftAndBadInputIsRefused() async throws {
        let host = try await host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.get("/alpha/admin/plans/drafting").status == .forbidden)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/drafting")
            #expect(try await editor.post("/alpha/admin/plans/drafting/adopt", []).status == .notFound, "nothing is being drafted")
            let reversed = try await editor.post("/alpha/admin/plans/drafting", [("title.fr", "P"), ("start_year", "2027"), ("end_year", "2030"),
                                                                                  ("drafting_opens", "2027-05-01"), ("drafting_closes", "2027-04-01")])
            #expect(reversed.status == .badRequest && reversed.body.contains("value=\"2027-05-01\""))
            #expect(try await editor.post("/alpha/admin/plans/drafting", Self.drafting, csrf: "forged").status == .forbidden)
            #expect(try await citizen.get("/alpha/plans/cocreation/1").status == .notFound, "a plan not drafted in public has no such page")
            #expect(try await citizen.get("/alpha/plans/draft/2").status == .notFound)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan") } == 1)
    }
}
