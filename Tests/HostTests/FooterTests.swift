import Foundation
import Testing
import TestSupport

/// Every page ends with how to reach the commune and its legal, privacy and accessibility notices,
/// which are public pages of its own site, chosen in the settings.
@Suite struct FooterTests {
    static let settings: [(String, String)] = [("name.fr", "Commune Alpha"), ("name.ar", "جماعة ألفا"), ("name.en", "Alpha Municipality"),
                                               ("locales", "fr"), ("locales", "ar"), ("locales", "en"), ("default_locale", "fr"),
                                               ("accent", "#0b5cad"), ("logo", "")]

    @Test func contactAndNoticesAreShownOnEveryPage() async throws {
        let host = try await TestHost()
        try await host.write("alpha") { db in
            try db.execute(sql: """
                INSERT INTO page (slug, title, body, published, position, created_at, updated_at) VALUES
                ('mentions-legales', '{"fr":"Mentions légales"}', '{"fr":"Éditeur : la commune."}', 1, 0, datetime('now'), datetime('now')),
                ('brouillon', '{"fr":"Brouillon"}', '{"fr":"-"}', 0, 1, datetime('now'), datetime('now'))
                """)
        }
        try await host.test { client async throws in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let form = try await admin.get("/alpha/admin/settings")
            #expect(form.body.contains("<option value=\"/pages/mentions-legales\">Mentions légales</option>"))
            #expect(!form.body.contains("/pages/brouillon"), "only public pages are offered")
            let refused = try await admin.post("/alpha/admin/settings", Self.settings + [("contact.fr", "Hôtel de ville, avenue Hassan II"), ("legal", "/pages/brouillon")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("Hôtel de ville, avenue Hassan II</textarea>"), "what was typed is kept")
            let saved = try await admin.post("/alpha/admin/settings", Self.settings + [
                ("contact.fr", "Hôtel de ville, avenue Hassan II\ncontact@alpha.test"), ("contact.ar", "مقر الجماعة"), ("legal", "/pages/mentions-legales"),
            ])
            #expect(saved.status == .seeOther)
            var visitor = Browser(client)
            for path in ["/alpha/", "/alpha/pages", "/alpha/dashboard"] {
                let page = try await visitor.get(path)
                #expect(page.body.contains("<h2 id=\"footer-contact\">Contact</h2><p>Hôtel de ville, avenue Hassan II\ncontact@alpha.test</p>"), "\(path)")
                #expect(page.body.contains("<a href=\"/alpha/pages/mentions-legales\">Mentions légales</a>"), "\(path)")
            }
            let arabic = try await visitor.get("/alpha/?lang=ar")
            #expect(arabic.body.contains("<p>مقر الجماعة</p>") && arabic.body.contains(">إشعار قانوني</a>"))
            #expect(!(try await visitor.get("/beta/").body.contains("footer-contact")), "another tenant's footer is its own")
        }
    }
}
