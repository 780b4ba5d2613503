import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct PagesEditingTests {
    @Test func draftIsHiddenUntilPublishedThenListedEverywhere() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = try await Browser.editor(client)
            let created = try await editor.post("/alpha/admin/pages", [
                ("slug", "a-propos"), ("title.fr", "À propos"), ("title.ar", "حول"), ("body.fr", "Le **plan** d'action."), ("position", "2"),
            ])
            #expect(created.status == .seeOther)
            #expect(created.location == "/alpha/admin/pages?done=created")

            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/pages/a-propos").status == .notFound)
            #expect(!(try await visitor.get("/alpha/pages").body.contains("À propos")))
            let preview = try await editor.get("/alpha/pages/a-propos")
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Brouillon"))

            try await editor.get("/alpha/admin/pages")
            #expect(try await editor.post("/alpha/admin/pages/1/publish", []).status == .seeOther)
            let page = try await visitor.get("/alpha/pages/a-propos")
            #expect(page.status == .ok)
            #expect(page.body.contains("Le <strong>plan</strong> d&#39;action.") || page.body.contains("Le <strong>plan</strong> d'action."))
            #expect(try await visitor.get("/alpha/").body.contains("href=\"/alpha/pages/a-propos\""), "home card lists it")
            let dashboard = try await visitor.get("/alpha/dashboard").body
            let figure = try #require(dashboard.range(of: "id=\"pages-published\""))
            #expect(dashboard[figure.upperBound...].prefix(300).contains("<p class=\"big\">1 </p>"), "published-pages indicator")
            let api = try await visitor.get("/alpha/api/v1/pages")
            #expect(api.body.contains("\"slug\":\"a-propos\""))
            let arabic = try await visitor.get("/alpha/pages/a-propos?lang=ar")
            #expect(arabic.body.contains("<h1>حول</h1>"))
            #expect(arabic.body.contains("<article lang=\"fr\" dir=\"ltr\">"), "the French body shown to an Arabic reader is marked as French")
        }
    }

    @Test func aTakenSlugIsRefusedByTheDatabaseAndNothingIsHalfSaved() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = try await Browser.editor(client)
            try await editor.createPage([("slug", "plan"), ("title.fr", "Plan"), ("body.fr", "v1")], publish: false)
            try await editor.createPage([("slug", "autre"), ("title.fr", "Autre"), ("body.fr", "v1")], publish: false)
            let again = try await editor.post("/alpha/admin/pages", [("slug", "plan"), ("title.fr", "Copie"), ("body.fr", "v2")])
            #expect(again.status == .badRequest)
            #expect(again.body.contains("Une autre page utilise déjà cet identifiant") && again.body.contains("value=\"Copie\""))
            let renamed = try await editor.post("/alpha/admin/pages/2", [("slug", "plan"), ("title.fr", "Autre"), ("body.fr", "v1")])
            #expect(renamed.status == .badRequest)
            let audited = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE module = 'pages'") }
            #expect(audited == 2, "only the two pages created were audited")
        }
    }

    @Test func editsAreAuditedAndShownInThePublicHistory() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = try await Browser.editor(client)
            try await editor.createPage([("slug", "plan"), ("title.fr", "Plan"), ("body.fr", "v1")], publish: true)
            let edit = try await editor.get("/alpha/admin/pages/1/edit")
            #expect(edit.body.contains(">v1</textarea>"))
            let saved = try await editor.post("/alpha/admin/pages/1", [("slug", "plan"), ("title.fr", "Plan d'action"), ("body.fr", "v2")])
            #expect(saved.status == .seeOther)

            var visitor = Browser(client)
            let history = try await visitor.get("/alpha/pages/plan/history")
            #expect(history.status == .ok)
            #expect(history.body.contains("Création") && history.body.contains("Publication") && history.body.contains("Modification"))
            #expect(history.body.contains("<td>v1</td><td>v2</td>"))
            #expect(history.body.contains("Editor"), "the author is named")
        }
        let actions = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE module = 'pages' ORDER BY id") }
        #expect(actions == ["create", "publish", "update"])
    }

    @Test func duplicateSlugIsRefusedWithTheFormKept() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = try await Browser.editor(client)
            try await editor.post("/alpha/admin/pages", [("slug", "same"), ("title.fr", "Un")])
            let second = try await editor.post("/alpha/admin/pages", [("slug", "same"), ("title.fr", "Deux")])
            #expect(second.status == .badRequest)
            #expect(second.body.contains("déjà cet identifiant"))
            #expect(second.body.contains("value=\"Deux\""))
            let missing = try await editor.get("/alpha/admin/pages/99/edit")
            #expect(missing.status == .notFound)
            let notANumber = try await editor.get("/alpha/admin/pages/abc/edit")
            #expect(notANumber.status == .badRequest)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") } == 1)
    }

    @Test func markupInContentIsEscapedEverywhere() async throws {
        let host = try await TestHost()
        let payload = "<script>alert(1)</script>"
        try await host.test { client in
            var editor = try await Browser.editor(client)
            try await editor.createPage([("slug", "xss"), ("title.fr", payload),
                                         ("body.fr", "\(payload)\n\n[clic](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n"
                                                     + "[a](http://x\" onmouseover=\"alert(4)) [b](java\tscript:alert(5)) `a < b`")], publish: true)
            var visitor = Browser(client)
            for path in ["/alpha/pages/xss", "/alpha/pages", "/alpha/", "/alpha/pages/xss/history"] {
                let body = try await visitor.get(path).body
                #expect(!body.contains("<script>alert"), "\(path)")
                #expect(!body.contains("<img src=x"), "\(path)")
                #expect(!body.contains("href=\"javascript:"), "\(path)")
                #expect(!body.contains("onmouseover=\""), "\(path)")
                #expect(!body.contains("href=\"java\tscript"), "\(path)")
            }
            #expect(try await visitor.get("/alpha/pages/xss").body.contains("<code>a &lt; b</code>"), "code is escaped once")
            #expect(try await visitor.get("/alpha/pages/xss").body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func historyCanBeMadePrivateByTheTenant() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = try await Browser.editor(client)
            try await editor.createPage([("slug", "p"), ("title.fr", "P")], publish: true)
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/modules")
            try await admin.post("/alpha/admin/modules/pages/settings", [])
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/pages/p/history").status == .notFound)
            #expect(try await editor.get("/alpha/pages/p/history").status == .ok, "editors still see it")
        }
    }

    @Test func moderatorAndCitizenCannotEditOrPublish() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = try await Browser.editor(client)
            try await editor.post("/alpha/admin/pages", [("slug", "p"), ("title.fr", "P")])
            for role in ["moderator", "citizen"] {
                var browser = Browser(client)
                try await browser.signIn("/alpha", email: "\(role)@alpha.test")
                try await browser.get("/alpha/account")
                #expect(try await browser.post("/alpha/admin/pages/1/publish", []).status == .forbidden, "\(role)")
                #expect(try await browser.post("/alpha/admin/pages/1", [("slug", "p"), ("title.fr", "Changed")]).status == .forbidden, "\(role)")
            }
        }
        #expect(try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT title FROM page") }?.contains("Changed") == false)
    }
}

extension Browser {
    /// Alpha's editor, signed in, on the new-page form.
    static func editor(_ client: any TestClientProtocol) async throws -> Browser {
        var editor = Browser(client)
        try await editor.signIn("/alpha", email: "editor@alpha.test")
        try await editor.get("/alpha/admin/pages/new")
        return editor
    }

    /// Creates a page through the console form (the first page gets id 1) and publishes it if asked.
    mutating func createPage(_ fields: [(String, String)], publish: Bool) async throws {
        let created = try await post("/alpha/admin/pages", fields)
        #expect(created.status == .seeOther)
        if publish { try await post("/alpha/admin/pages/1/publish", []) }
    }
}
