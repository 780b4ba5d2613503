import Hummingbird
import HummingbirdTesting
import Testing
@testable import TestSupport
@testable import OpenCommune

@Suite struct PlatformConsoleTests {
    @Test func consoleNeedsAPlatformAdmin() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            let page = try await visitor.get("/admin")
            #expect(page.status == .seeOther)
            #expect(page.location == "/admin/login")
            try await visitor.get("/admin/login")
            let create = try await visitor.post("/admin/tenants", [("slug", "gamma"), ("name.fr", "Gamma"), ("locales", "fr")])
            #expect(create.status == .unauthorized)
            // a tenant admin is not a platform admin
            var tenantAdmin = Browser(client)
            try await tenantAdmin.get("/admin/login")
            let refused = try await tenantAdmin.post("/admin/login", [("email", "admin@alpha.test"), ("password", TestHost.password)])
            #expect(refused.status == .unauthorized)
        }
    }

    @Test func createTenantFromTheConsole() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signInPlatform()
            let console = try await admin.get("/admin")
            #expect(console.body.contains("alpha-youth"))
            let bad = try await admin.post("/admin/tenants", [("slug", "Bad Slug"), ("name.fr", "X"), ("locales", "fr")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("doit comporter de 1 à 63"))
            #expect(bad.body.contains("value=\"bad slug\""))
            #expect(!bad.body.contains("pattern=") && bad.body.contains("novalidate"), "the server's message, in the admin's language, not the browser's")
            #expect(bad.body.contains("Lettres minuscules sans accent, chiffres et tirets"), "the rule is said before it is broken")
            let orphan = try await admin.post("/admin/tenants", [("slug", "orphan"), ("name.fr", "X"), ("kind", "instance"), ("locales", "fr")])
            #expect(orphan.status == .badRequest)
            #expect(orphan.body.contains("doit être rattachée à sa commune"))
            let made = try await admin.post("/admin/tenants", [("slug", "gamma-youth"), ("name.fr", "Jeunes de Gamma"), ("kind", "instance"),
                                                               ("parent", "beta"), ("locales", "fr"), ("locales", "ar")])
            #expect(made.status == .seeOther)
            #expect(made.location == "/admin/tenants/gamma-youth?done=created")
            var visitor = Browser(client)
            let home = try await visitor.get("/gamma-youth/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Jeunes de Gamma"))
            #expect(try await visitor.get("/beta/").body.contains("href=\"/gamma-youth/\""), "the parent lists its new instance")
        }
    }

    /// From the tenant's page the platform admin switches modules on and hands the site over to its first administrator.
    @Test func aNewTenantGetsItsModulesAndFirstAdministrator() async throws {
        let host = try await TestHost()
        try await host.test { client async throws in
            var admin = Browser(client)
            try await admin.signInPlatform()
            let page = try await admin.get("/admin/tenants/beta")
            #expect(page.body.contains("admin@beta.test"), "its administrators are listed")
            let modules = try await admin.post("/admin/tenants/beta/modules", [("enabled", "pages"), ("allowed", "reports")])
            #expect(modules.location == "/admin/tenants/beta?done=saved")
            let refused = try await admin.post("/admin/tenants/beta/admins", [("email", "maire@beta.test"), ("name", "Le maire"), ("password", "court")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("value=\"maire@beta.test\"") && refused.body.contains("au moins 10 caractères"))
            let added = try await admin.post("/admin/tenants/beta/admins", [("email", "maire@beta.test"), ("name", "Le maire"), ("password", TestHost.password)])
            #expect(added.location == "/admin/tenants/beta?done=created")
            let after = try await admin.get("/admin/tenants/beta?done=created")
            #expect(after.body.contains("<li>maire@beta.test</li>") && after.body.contains("Élément créé."))
            var mayor = Browser(client)
            try await mayor.signIn("/beta", email: "maire@beta.test")
            #expect(try await mayor.get("/beta/admin/settings").status == .ok, "the new administrator runs the site")
            #expect(try await mayor.get("/beta/pages").status == .ok, "pages were switched on")
            // an existing account gets the role and keeps its password
            _ = try await admin.post("/admin/tenants/beta/admins", [("email", "admin@beta.test"), ("name", "X"), ("password", "another password here")])
            var existing = Browser(client)
            try await existing.signIn("/beta", email: "admin@beta.test")

            // no password: an invitation by mail, the invitee chooses one
            let invited = try await admin.post("/admin/tenants/beta/admins", [("email", "adjointe@beta.test"), ("name", "L’adjointe"), ("password", "")])
            #expect(invited.location == "/admin/tenants/beta?done=invited")
            try await host.services.mail.deliverDue("beta")
            let mail = try #require(ReceivedMail.all(in: host.dataDirectory + "/beta/outbox").first)
            #expect(mail.headers["to"]?.contains("<adjointe@beta.test>") == true && mail.text.contains("Commune Bêta"))
            let path = String(try #require(mail.link(containing: "/beta/password/reset/")).dropFirst("http://127.0.0.1:8080".count))
            var deputy = Browser(client)
            try await deputy.get(path)
            #expect(try await deputy.post(path, [("password", "her own password"), ("password_confirm", "her own password")]).status == .seeOther)
            try await deputy.signIn("/beta", email: "adjointe@beta.test", password: "her own password")
            #expect(try await deputy.get("/beta/admin/settings").status == .ok, "an administrator of the site")
        }
        let states = try await host.read("beta") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") }
        #expect(states == 3)
    }

    @Test func addAnotherPlatformAdmin() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signInPlatform()
            try await admin.get("/admin/admins")
            let weak = try await admin.post("/admin/admins", [("email", "second@platform.test"), ("password", "short")])
            #expect(weak.status == .badRequest)
            let added = try await admin.post("/admin/admins", [("email", "second@platform.test"), ("password", TestHost.password)])
            #expect(added.status == .seeOther)
            var second = Browser(client)
            try await second.signInPlatform(email: "second@platform.test")
            #expect(try await second.get("/admin").status == .ok)
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        let token = "metrics-token-0123456789abcdef"
        let host = try await TestHost(metricsToken: token)
        try await host.test { client in
            var visitor = Browser(client)
            #expect(try await visitor.get("/healthz").body == "ok\n")
            #expect(try await visitor.get("/readyz").status == .ok)
            try await visitor.get("/alpha/")
            // the router test's visitor has no loopback address: only the token opens the metrics
            #expect(try await visitor.get("/metrics").status == .forbidden)
            #expect(try await visitor.get("/metrics", headers: [.authorization: "Bearer not-the-token-0123456789ab"]).status == .forbidden)
            let metrics = try await visitor.get("/metrics", headers: [.authorization: "Bearer \(token)"])
            #expect(metrics.body.contains("opencommune_requests_total"))
            #expect(metrics.body.contains("opencommune_open_tenant_databases"))
            let css = try await visitor.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.body.contains("inset-inline-start"), "logical properties, right-to-left safe")
            #expect(try await visitor.get("/static/../Package.swift").status == .notFound)
        }
    }
}
