import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import CivicSDK

@Suite struct AccessControlTests {
    @Test func anonymousVisitorsAreAskedToSignIn() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            for path in ["/alpha/admin", "/alpha/admin/modules", "/alpha/admin/users", "/alpha/admin/settings", "/alpha/admin/pages"] {
                let page = try await browser.get(path)
                #expect(page.status == .unauthorized, "\(path)")
                #expect(page.body.contains("href=\"/alpha/login\""), "\(path)")
            }
        }
    }

    @Test func eachRoleGetsWhatItMayAndNothingMore() async throws {
        let host = try await TestHost()
        // path → roles allowed
        let matrix: [(String, Set<Role>)] = [
            ("/alpha/admin", [.admin, .editor, .moderator]),
            ("/alpha/admin/modules", [.admin]),
            ("/alpha/admin/users", [.admin]),
            ("/alpha/admin/settings", [.admin]),
            ("/alpha/admin/pages", [.admin, .editor]),
            ("/alpha/admin/pages/new", [.admin, .editor]),
        ]
        for role in [Role.admin, .editor, .moderator, .citizen] {
            try await host.test { client in
                var browser = Browser(client)
                try await browser.signIn("/alpha", email: "\(role.rawValue)@alpha.test")
                for (path, allowed) in matrix {
                    let page = try await browser.get(path)
                    #expect(page.status == (allowed.contains(role) ? .ok : .forbidden), "\(role) \(path)")
                }
            }
        }
    }

    @Test func forbiddenWritesChangeNothing() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "citizen@alpha.test")
            try await browser.get("/alpha/account")
            let create = try await browser.post("/alpha/admin/pages", [("slug", "sneaky"), ("title.fr", "Sournois")])
            #expect(create.status == .forbidden)
            let disable = try await browser.post("/alpha/admin/modules/pages/disable", [])
            #expect(disable.status == .forbidden)
            let promote = try await browser.post("/alpha/admin/users/4/roles", [("role", "admin")])
            #expect(promote.status == .forbidden)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") } == 0)
        #expect(try await host.read("alpha") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM role_grant WHERE role = 'admin'")
        } == 1)
    }

    @Test func editorLimitedToAnotherModuleCannotEditPages() async throws {
        let host = try await TestHost()
        try await host.createAccount(tenant: "alpha", email: "limited@alpha.test", grants: [RoleGrant(.editor, module: "plans")])
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "limited@alpha.test")
            #expect(try await browser.get("/alpha/admin").status == .ok)
            #expect(try await browser.get("/alpha/admin/pages").status == .forbidden)
        }
    }

    @Test func rolesOfOneTenantGiveNothingOnAnother() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "admin@alpha.test")
            #expect(try await browser.get("/alpha/admin/modules").status == .ok)
            // the instance under alpha is another tenant: alpha's admin is anonymous there
            #expect(try await browser.get("/alpha-youth/admin").status == .unauthorized)
            #expect(try await browser.get("/beta/admin").status == .unauthorized)
        }
    }

    @Test func sessionCookieOfOneTenantIsAnonymousOnAnother() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var alpha = Browser(client)
            try await alpha.signIn("/alpha", email: "admin@alpha.test")
            let session = try #require(alpha.cookies["oc_session"])
            // replay alpha's session cookie against beta, as a forged cookie path would
            var beta = Browser(client)
            beta.cookies["oc_session"] = session
            let page = try await beta.get("/beta/admin")
            #expect(page.status == .unauthorized)
            let home = try await beta.get("/beta/")
            #expect(home.body.contains("href=\"/beta/login\""))
            #expect(!home.body.contains("Admin"))
        }
    }

    @Test func instanceEditorCannotTouchItsCommune() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha-youth", email: "editor@youth.test")
            #expect(try await browser.get("/alpha-youth/admin/pages").status == .ok)
            #expect(try await browser.get("/alpha/admin/pages").status == .unauthorized)
            let post = try await browser.post("/alpha/admin/pages", [("slug", "x"), ("title.fr", "X")])
            #expect(post.status == .forbidden, "no session on alpha means no CSRF token there either")
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") } == 0)
    }
}
