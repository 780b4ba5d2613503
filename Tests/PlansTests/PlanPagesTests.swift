import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct PlanPagesTests {
    private func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        return host
    }

    @Test func planPageShowsCommitmentsProgressAndLateFlags() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/plans")
            #expect(page.status == .ok)
            #expect(page.body.contains("Tétouan, commune ouverte 2023-2026"))
            #expect(page.body.contains("href=\"/alpha/plans/2\""))
            #expect(page.body.contains("4 activités en retard"), "the sample's activities are past their planned end with no progress")
            #expect(page.body.contains("<span>0\u{202F}%</span>"), "every bar has its number as text")
            let arabic = try await visitor.get("/alpha/plans?lang=ar")
            #expect(arabic.body.contains("التتبع العمومي لتنفيذ خطط العمل"))
            let home = try await visitor.get("/alpha/")
            #expect(home.body.contains("href=\"/alpha/plans/2\""), "summary card on the home page")
        }
    }

    @Test func filtersNarrowTheList() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/plans?principle=accountability").body.contains("href=\"/alpha/plans/2\""))
            let none = try await visitor.get("/alpha/plans?principle=transparency")
            #expect(!none.body.contains("href=\"/alpha/plans/2\""))
            #expect(none.body.contains("Aucun engagement ne correspond"))
            #expect(!(try await visitor.get("/alpha/plans?status=completed").body.contains("href=\"/alpha/plans/2\"")))
            let service = "Service de digitalisation et de la logistique informatique".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await visitor.get("/alpha/plans?service=\(service)").body.contains("href=\"/alpha/plans/2\""))
        }
    }

    @Test func commitmentSheetHasEverythingTheReferenceSheetShows() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.status == .ok)
            for text in ["Redevabilité", "Service de digitalisation et de la logistique informatique", "Problématique", "Solution préconisée",
                         "Résultats attendus", "<time datetime=\"2023-06\">juin 2023</time> – <time datetime=\"2023-12\">décembre 2023</time>",
                         "février 2024</time> – <time datetime=\"2024-03\">mars 2024", "février 2025</time> – <time datetime=\"2025-03\">mars 2025",
                         "janvier 2023</time> – <time datetime=\"2023-02\">février 2023",
                         "Nombre de rapports publiés", "indicateur de résultat", "Nombre de commentaires et suggestions reçus",
                         "indicateur d&#39;impact", "Exemple"] {
                #expect(sheet.body.contains(text), "\(text)")
            }
            #expect(sheet.body.contains("<figure class=\"timeline\" aria-labelledby=\"timeline-title\">"))
            #expect(sheet.body.contains("<div class=\"timeline-years\"><span>2023</span><span>2024</span><span>2025</span><span>2026</span></div>"),
                    "year labels are text, one per year of the plan")
            #expect(sheet.body.contains("<span class=\"timeline-label\">"), "each bar carries its activity's name")
            #expect(sheet.body.contains("class=\"today\""), "today falls within the plan's 2023-2026 scale")
            #expect(try await visitor.get("/alpha/plans/99").status == .notFound)
            #expect(try await visitor.get("/alpha/plans/abc").status == .notFound)
        }
    }

    @Test func unpublishedCommitmentsAreForEditorsOnly() async throws {
        let host = try await host()
        try await host.write("alpha") { db in try db.execute(sql: "UPDATE commitment SET published = 0") }
        try await host.test { client in
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/plans/2").status == .notFound)
            #expect(!(try await visitor.get("/alpha/plans").body.contains("href=\"/alpha/plans/2\"")))
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let draft = try await editor.get("/alpha/plans/2")
            #expect(draft.status == .ok)
            #expect(draft.body.contains("Brouillon"))
        }
    }

    @Test func linkedIndicatorShowsTheLiveFigureOfAnotherModule() async throws {
        let host = try await host()
        try await host.write("alpha") { db in
            try db.execute(sql: "UPDATE plan_indicator SET source = 'pages.published' WHERE kind = 'result'")
            try db.execute(sql: """
                INSERT INTO page (slug, title, body, published, position, created_at, updated_at)
                VALUES ('a', '{"fr":"A"}', '{}', 1, 0, ?, ?), ('b', '{"fr":"B"}', '{}', 1, 1, ?, ?)
                """, arguments: [Date(), Date(), Date(), Date()])
        }
        try await host.test { client in
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("<strong>2</strong> — valeur calculée en direct par la plateforme"))
        }
    }

    @Test func apiListsThePublishedPlan() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let api = try await visitor.get("/alpha/api/v1/plans")
            #expect(api.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
            let commitments = try #require(json["commitments"] as? [[String: Any]])
            #expect(commitments.count == 1)
            #expect(commitments.first?["number"] as? Int == 2)
            #expect((commitments.first?["activities"] as? [Any])?.count == 4)
            #expect(commitments.first?["lateActivities"] as? Int == 4)
        }
    }

    @Test func moduleIsHiddenWhereNotEnabled() async throws {
        let host = try await host()
        try await host.test { client async throws in
            var visitor = Browser(client)
            #expect(try await visitor.get("/beta/plans").status == .notFound)
            #expect(try await visitor.get("/alpha-youth/plans").status == .notFound)
        }
    }
}

@Suite struct DraftPlanTests {
    @Test func aDraftPlanIsForEditorsOnly() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.write("alpha") { db in try db.execute(sql: "UPDATE plan SET status = 'draft'") }
        try await host.test { client in
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/plans")
            #expect(page.body.contains("Aucun plan d&#39;action n&#39;est publié"))
            #expect(try await visitor.get("/alpha/plans/2").status == .notFound)
            #expect(try await visitor.get("/alpha/plans/export.csv").status == .notFound)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await editor.get("/alpha/plans").body.contains("href=\"/alpha/plans/2\""))
        }
    }
}
