import CivicSDK
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Signed-in visitors share cached pages with the visitors of the same roles; what is theirs alone
/// (name, e-mail, form token, follow buttons, staff controls of another role) never reaches anyone else.
@Suite struct SignedInPageCacheTests {
    /// One page of every kind a citizen reads, with the demo content of every module.
    static let pages = ["/alpha/", "/alpha/plans", "/alpha/plans/2", "/alpha/plans/revisions", "/alpha/reports", "/alpha/dashboard",
                        "/alpha/consultations", "/alpha/instances", "/alpha/pages", "/alpha/feedback", "/alpha/search?q=plan",
                        "/alpha/feedback/on/plans/commitment:2"]

    private func host() async throws -> TestHost {
        let host = try await TestHost()
        for module in ["plans", "reports", "consultations", "instances", "pages"] { try await host.enable(module, on: "alpha", withSample: true) }
        try await host.createAccount(tenant: "alpha", email: "amina@alpha.test", grants: [RoleGrant(.citizen)])
        try await host.createAccount(tenant: "alpha", email: "omar@alpha.test", grants: [RoleGrant(.citizen)])
        return host
    }

    @Test func twoCitizensAndAnAnonymousVisitorEachGetTheirOwnPageOfEveryKind() async throws {
        let host = try await host()
        try await host.test { client in
            var amina = Browser(client), omar = Browser(client), anonymous = Browser(client), editor = Browser(client)
            try await amina.signIn("/alpha", email: "amina@alpha.test")
            try await omar.signIn("/alpha", email: "omar@alpha.test")
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            for path in Self.pages {
                let first = try await amina.get(path)
                #expect(first.status == .ok, "\(path)")
                let kept = host.cachedPages("alpha")
                let second = try await omar.get(path)
                #expect(host.cachedPages("alpha") == kept, "\(path): the second citizen is served the first one's rendering")
                #expect(second.headers[.cacheControl] == "private, no-store", "\(path)")
                #expect(first.body.contains("Amina") && !first.body.contains("Omar"), "\(path)")
                #expect(second.body.contains("Omar") && !second.body.contains("Amina"), "\(path)")
                #expect(!second.body.contains("amina@alpha.test") && !second.body.contains("ocHole"), "\(path)")
                let aminaToken = try #require(first.csrf, "\(path)"), omarToken = try #require(second.csrf, "\(path)")
                #expect(aminaToken != omarToken && !second.body.contains(aminaToken), "\(path): each visitor gets their own form token")
                #expect(second.body.replacingOccurrences(of: "Omar", with: "Amina").replacingOccurrences(of: omarToken, with: aminaToken) == first.body,
                        "\(path): apart from what is theirs, both read the same page")
                let shared = try await anonymous.get(path)
                #expect(!shared.body.contains("Amina") && !shared.body.contains("Omar") && !shared.body.contains(omarToken), "\(path)")
                let staff = try await editor.get(path)
                #expect(staff.body.contains("Editor") && !staff.body.contains("Omar") && !staff.body.contains(omarToken), "\(path)")
            }
        }
    }

    @Test func staffControlsStayWithTheRoleThatHasThem() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client), citizen = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await citizen.signIn("/alpha", email: "amina@alpha.test")
            let console = "href=\"/alpha/admin\""
            #expect(try await editor.get("/alpha/reports").body.contains(console))
            #expect(!(try await citizen.get("/alpha/reports").body.contains(console)), "a citizen never gets the editor's rendering")
        }
    }

    @Test func aFollowButtonShowsEachVisitorsOwnChoiceOnTheSameCachedPage() async throws {
        let host = try await host()
        try await host.test { client in
            var amina = Browser(client), omar = Browser(client)
            try await amina.signIn("/alpha", email: "amina@alpha.test")
            try await omar.signIn("/alpha", email: "omar@alpha.test")
            let page = try await amina.get("/alpha/reports")
            #expect(page.body.contains("name=\"do\" value=\"follow\""))
            let kept = host.cachedPages("alpha")
            #expect(try await amina.post("/alpha/account/follow", [("subject", "reports:archive:all")], csrf: page.csrf).status == .seeOther)
            let followed = try await amina.get("/alpha/reports")
            #expect(followed.body.contains("name=\"do\" value=\"unfollow\""), "her own choice, filled into the cached page")
            let other = try await omar.get("/alpha/reports")
            #expect(other.body.contains("name=\"do\" value=\"follow\"") && !other.body.contains("value=\"unfollow\""), "not hers")
            #expect(host.cachedPages("alpha") == kept, "following changes no shared page")
        }
    }

    @Test func pagesThatAreOneVisitorsOwnAreNeverShared() async throws {
        let host = try await host()
        try await host.test { client in
            var amina = Browser(client), omar = Browser(client)
            try await amina.signIn("/alpha", email: "amina@alpha.test")
            try await omar.signIn("/alpha", email: "omar@alpha.test")
            for path in ["/alpha/account", "/alpha/consultations/1"] {
                let kept = host.cachedPages("alpha")
                let mine = try await amina.get(path)
                #expect(mine.status == .ok && mine.body.contains("Amina"), "\(path)")
                #expect(host.cachedPages("alpha") == kept, "\(path) is kept for nobody")
                #expect(!(try await omar.get(path).body.contains("Amina")), "\(path)")
            }
        }
    }
}
