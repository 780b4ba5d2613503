import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct ModuleLifecycleTests {
    private func tableExists(_ host: TestHost, _ tenant: String, _ table: String) async throws -> Bool {
        try await host.read(tenant) { db in try db.tableExists(table) }
    }

    @Test func enablingRunsTheModuleMigrationsOnThatTenantOnly() async throws {
        let host = try await TestHost()
        #expect(try await !tableExists(host, "beta", "page"))
        try await host.test { client in
            var browser = Browser(client)
            #expect(try await browser.get("/beta/pages").status == .notFound)
            try await browser.signIn("/beta", email: "admin@beta.test")
            try await browser.get("/beta/admin/modules")
            let enable = try await browser.post("/beta/admin/modules/pages/enable", [])
            #expect(enable.status == .seeOther)
            #expect(try await browser.get("/beta/pages").status == .ok)
        }
        #expect(try await tableExists(host, "beta", "page"))
        let migrations = try await host.read("beta") { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(migrations.contains("pages/001-create-page"))
        #expect(migrations.contains("core/001-accounts-sessions-audit"))
        let audit = try await host.read("beta") { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE item_type = 'module'") }
        #expect(audit == ["enable"])
    }

    @Test func disablingHidesRoutesButKeepsData() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "editor@alpha.test")
            try await browser.get("/alpha/admin/pages/new")
            try await browser.post("/alpha/admin/pages", [("slug", "kept"), ("title.fr", "Gardée"), ("body.fr", "Texte")])
            try await browser.post("/alpha/admin/pages/1/publish", [])
            #expect(try await browser.get("/alpha/pages/kept").status == .ok)

            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/modules")
            #expect(try await admin.post("/alpha/admin/modules/pages/disable", []).status == .seeOther)

            var visitor = Browser(client)
            for path in ["/alpha/pages", "/alpha/pages/kept", "/alpha/api/v1/pages", "/alpha/admin/pages"] {
                #expect(try await visitor.get(path).status == .notFound, "\(path)")
            }
            #expect(try await browser.get("/alpha/admin/pages").status == .notFound)
            let home = try await visitor.get("/alpha/")
            #expect(!home.body.contains("/alpha/pages"))

            #expect(try await admin.post("/alpha/admin/modules/pages/enable", []).status == .seeOther)
            let again = try await visitor.get("/alpha/pages/kept")
            #expect(again.status == .ok)
            #expect(again.body.contains("Gardée"))
        }
    }

    @Test func aModuleNotAllowedByThePlatformCannotBeEnabled() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var platform = Browser(client)
            try await platform.signInPlatform()
            try await platform.get("/admin/tenants/beta")
            #expect(try await platform.post("/admin/tenants/beta/modules", []).status == .seeOther)

            var admin = Browser(client)
            try await admin.signIn("/beta", email: "admin@beta.test")
            let modules = try await admin.get("/beta/admin/modules")
            #expect(modules.body.contains("non autorisé par la plateforme"))
            let refused = try await admin.post("/beta/admin/modules/pages/enable", [])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("doit d&#39;abord l&#39;autoriser"))
        }
        #expect(try await !host.read("beta") { db in try db.tableExists("page") })
    }

    @Test func moduleSettingsFormIsGeneratedAndValidated() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let modules = try await admin.get("/alpha/admin/modules")
            #expect(modules.body.contains("name=\"history_public\""))
            #expect(try await admin.post("/alpha/admin/modules/pages/settings", []).status == .seeOther)
            let after = try await admin.get("/alpha/admin/modules")
            #expect(!after.body.contains("name=\"history_public\" value=\"true\" checked"))
        }
    }
}
