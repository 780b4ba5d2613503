import Foundation
import Testing
import TestSupport

/// The home page tells the story in a few figures, says what to do when there is nothing yet, and
/// walks a new tenant's administrators through setting it up.
@Suite struct HomePageTests {
    static func figureCount(_ html: String) -> Int {
        guard let start = html.range(of: "<dl class=\"figures headline\">"), let end = html.range(of: "</dl>", range: start.upperBound..<html.endIndex) else { return 0 }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<dt>").count - 1
    }

    @Test func aFewHeadlineFiguresThenTheDashboard() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.enable("consultations", on: "alpha", withSample: true)
        let home = try await host.test { client in
            var visitor = Browser(client)
            return try await visitor.get("/alpha/").body
        }
        #expect(Self.figureCount(home) == 4, "not a wall of tiles")
        #expect(home.contains("Avancement du plan"), "the plan's progress comes first")
        #expect(home.contains("href=\"/alpha/dashboard\""))
        #expect(home.contains("— (aucune réponse encore)"), "a median of no answers is not 0 days")
        #expect(!home.contains("0 jours"))
    }

    @Test func administratorsOfANewTenantGetASetupChecklist() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/beta", email: "admin@beta.test")
            let home = try await admin.get("/beta/")
            #expect(home.body.contains("Mettre le site en route"))
            for href in ["/beta/admin/modules", "/beta/admin/settings", "/beta/admin/users", "/beta/admin"] {
                #expect(home.body.contains("href=\"\(href)\""), "\(href)")
            }
            #expect(home.body.contains("Rien n&#39;est encore publié") || home.body.contains("Rien n'est encore publié"))
            #expect(home.headers[.cacheControl] == "private, no-store")
            var visitor = Browser(client)
            let anonymous = try await visitor.get("/beta/")
            #expect(!anonymous.body.contains("Mettre le site en route"))
            #expect(anonymous.body.contains("pas encore de contenu publié"))
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(!(try await citizen.get("/alpha/").body.contains("Mettre le site en route")))
        }
    }
}
