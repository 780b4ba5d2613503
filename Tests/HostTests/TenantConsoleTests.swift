import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

@Suite struct TenantConsoleTests {
    @Test func consoleIsGeneratedFromModuleManifests() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let overview = try await admin.get("/alpha/admin")
            #expect(overview.body.contains("href=\"/alpha/admin/pages\""), "console link declared by the pages manifest")
            let modules = try await admin.get("/alpha/admin/modules")
            #expect(modules.body.contains("<code>pages</code>"))
            #expect(modules.body.contains("Créer et modifier des pages"), "permissions come from the manifest")
        }
    }

    @Test func adminChangesRolesButCannotDropOwnAdmin() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let users = try await admin.get("/alpha/admin/users")
            #expect(users.body.contains("citizen@alpha.test"))
            let citizenID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = 'citizen@alpha.test'") }
            let promote = try await admin.post("/alpha/admin/users/\(try #require(citizenID))/roles",
                                               [("role", "editor"), ("role", "citizen"), ("editor_module", "pages")])
            #expect(promote.status == .seeOther)
            let unknown = try await admin.post("/alpha/admin/users/\(try #require(citizenID))/roles", [("role", "emperor")])
            #expect(unknown.status == .badRequest)
            let adminID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = 'admin@alpha.test'") }
            let selfDemote = try await admin.post("/alpha/admin/users/\(try #require(adminID))/roles", [("role", "citizen")])
            #expect(selfDemote.status == .badRequest)
            #expect(selfDemote.body.contains("propre rôle"))

            var promoted = Browser(client)
            try await promoted.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await promoted.get("/alpha/admin/pages").status == .ok)
        }
        let grants = try await host.read("alpha") { db in
            try String.fetchAll(db, sql: "SELECT role || ':' || module FROM role_grant JOIN account ON account.id = account_id WHERE email = 'citizen@alpha.test' ORDER BY role")
        }
        #expect(grants == ["citizen:", "editor:pages"])
        let audit = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'roles'") }
        #expect(audit == 1)
    }

    @Test func settingsAreValidatedAndApplied() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let pale = try await admin.post("/alpha/admin/settings", [("name.fr", "Alpha"), ("locales", "fr"), ("default_locale", "fr"),
                                                                      ("accent", "#ffff00"), ("logo", "javascript:alert(1)")])
            #expect(pale.status == .badRequest)
            #expect(pale.body.contains("trop claire"))
            #expect(pale.body.contains("logo doit commencer"))
            let noLocale = try await admin.post("/alpha/admin/settings", [("name.fr", "Alpha"), ("default_locale", "fr"), ("accent", "#123456")])
            #expect(noLocale.status == .badRequest)
            let saved = try await admin.post("/alpha/admin/settings", [("name.fr", "Alpha renommée"), ("name.ar", "ألفا"), ("locales", "fr"),
                                                                       ("locales", "ar"), ("default_locale", "ar"), ("accent", "#7a1f1f"), ("logo", "")])
            #expect(saved.status == .seeOther)
            var visitor = Browser(client)
            let home = try await visitor.get("/alpha/")
            #expect(home.body.contains("<html lang=\"ar\" dir=\"rtl\">"), "Arabic became the default locale")
            #expect(home.body.contains("ألفا"))
            let theme = try await visitor.get("/alpha/theme.css")
            #expect(theme.body.contains("--accent:#7a1f1f"))
            #expect(try await visitor.get("/alpha/?lang=en").body.contains("lang=\"ar\""), "English is no longer offered")
        }
    }

    @Test func accentContrastFollowsWCAG() {
        #expect(AccentColor.isReadable("#0b5cad"))
        #expect(AccentColor.isReadable("#000000"))
        #expect(!AccentColor.isReadable("#ffff00"))
        #expect(!AccentColor.isValid("#12345"))
        #expect(abs(AccentColor.contrastWithWhite("#000000") - 21) < 0.01)
    }
}
