import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct CSRFTests {
    @Test func missingOrWrongTokenIsRefusedAndChangesNothing() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "editor@alpha.test")
            let missing = try await browser.post("/alpha/admin/pages", [("slug", "a"), ("title.fr", "A")], csrf: "")
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("jeton de sécurité"))
            let wrong = try await browser.post("/alpha/admin/pages", [("slug", "a"), ("title.fr", "A")],
                                               csrf: "0000000000000000000000000000000000000000000")
            #expect(wrong.status == .forbidden)
            try await browser.get("/alpha/admin/pages/new")
            let right = try await browser.post("/alpha/admin/pages", [("slug", "a"), ("title.fr", "A")])
            #expect(right.status == .seeOther)
        }
        #expect(try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT slug FROM page") } == ["a"])
    }

    @Test func signInAndRegisterFormsNeedTheToken() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let login = try await browser.post("/alpha/login", [("email", "admin@alpha.test"), ("password", TestHost.password)], csrf: "")
            #expect(login.status == .forbidden)
            #expect(browser.cookies["oc_session"] == nil)
            let register = try await browser.post("/alpha/register", [("email", "x@y.test"), ("name", "X"),
                                                                        ("password", "long enough pw"), ("password_confirm", "long enough pw")],
                                                   csrf: "")
            #expect(register.status == .forbidden)
            let platform = try await browser.post("/admin/login", [("email", "root@platform.test"), ("password", TestHost.password)], csrf: "")
            #expect(platform.status == .forbidden)
        }
    }

    @Test func tokenOfOneTenantIsNotValidOnAnother() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "admin@alpha.test")
            try await browser.get("/alpha/admin/modules")
            let alphaToken = try #require(browser.csrf)
            try await browser.signIn("/beta", email: "admin@beta.test")
            let page = try await browser.post("/beta/admin/modules/pages/enable", [], csrf: alphaToken)
            #expect(page.status == .forbidden)
        }
    }
}
