import CivicSDK
import Foundation
import GRDB
import HummingbirdTesting
import Testing
import TestSupport

/// The commune's answer to a suggestion is given in each of its languages; a reader sees their own,
/// else the default marked with its language; staff are warned before publishing one that misses a
/// language of the site.
@Suite struct TranslatedAnswerTests {
    static func suggestion(_ host: TestHost, client: any TestClientProtocol) async throws -> String {
        var citizen = Browser(client)
        try await citizen.signIn("/alpha", email: "citizen@alpha.test")
        try await citizen.get("/alpha/pages/about")
        return try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Publier les horaires", kind: "suggestion")))
    }

    static func answers(_ host: TestHost) async throws -> [String] {
        try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT reason FROM feedback_response") }
    }

    @Test func anAnswerMissingALanguageIsHeldBackUntilConfirmed() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let path = try await Self.suggestion(host, client: client)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let form = try await editor.get(path)
            for code in ["fr", "ar", "en"] { #expect(form.body.contains("name=\"reason.\(code)\"")) }
            #expect(form.body.contains("lang=\"ar\" dir=\"rtl\""), "the Arabic answer is typed right to left")

            let held = try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "Les horaires sont en ligne.")])
            #expect(held.status == .unprocessableContent)
            #expect(held.body.contains("Il manque\u{00A0}: العربية, English"))
            #expect(held.body.contains("Les horaires sont en ligne.</textarea>"), "what was typed is kept")
            #expect(held.body.contains("name=\"incomplete_ok\""))
            #expect(try await Self.answers(host).isEmpty, "nothing published yet")

            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "Les horaires sont en ligne."),
                                                             ("incomplete_ok", "1")]).status == .seeOther)
            var reader = Browser(client)
            let arabic = try await reader.get("/alpha/pages/about?lang=ar")
            #expect(arabic.body.contains("<p class=\"body\" lang=\"fr\" dir=\"ltr\">Les horaires sont en ligne.</p>"),
                    "shown in French on the Arabic page, marked as French")
        }
        #expect(try await Self.answers(host) == [#"{"fr":"Les horaires sont en ligne."}"#])
    }

    @Test func eachReaderSeesTheAnswerInTheirLanguage() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let path = try await Self.suggestion(host, client: client)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get(path)
            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "Les horaires sont en ligne."),
                                                             ("reason.ar", "المواقيت منشورة على الموقع."), ("reason.en", "Opening hours are online.")])
                    .status == .seeOther, "complete: no confirmation asked")
            var reader = Browser(client)
            #expect(try await reader.get("/alpha/pages/about?lang=ar").body
                .contains("<p class=\"body\" lang=\"ar\" dir=\"rtl\">المواقيت منشورة على الموقع.</p>"))
            #expect(try await reader.get("/alpha/pages/about?lang=en").body.contains(">Opening hours are online.</p>"))
            let json = try await reader.get("/alpha/api/v1/feedback/thread?module=pages&item=page:about")
            #expect(json.body.contains("\"reason\":{\"ar\":\"المواقيت منشورة على الموقع.\""), "the API gives every language")

            // too long in one language: refused, nothing changes
            let long = String(repeating: "x", count: 5_000)
            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "Court"), ("reason.ar", long), ("reason.en", "Short")])
                    .status == .unprocessableContent)
        }
        let stored = try #require(try await Self.answers(host).first)
        #expect(LocalizedText(json: stored).values.count == 3)
    }

    /// Every translated field of a console form says which of the site's languages it still lacks.
    @Test func consoleFormsNameTheLanguagesAFieldLacks() async throws {
        let host = try await TestHost()
        try await host.enable("instances", on: "alpha-youth")
        try await host.write("alpha-youth") { db in
            try db.execute(sql: """
                INSERT INTO instance_opinion (id, title, adopted_on, subject, body, follow_up_reason, sample, updated_at)
                VALUES (1, json_object('fr', 'Avis', 'ar', 'رأي', 'en', 'Opinion'), '2026-01-10', '{}', json_object('fr', 'Texte'), '{}', 0, datetime('now'))
                """)
        }
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha-youth", email: "editor@youth.test")
            let form = try await editor.get("/alpha-youth/admin/instances/opinions/1")
            #expect(form.body.contains("<p class=\"field-warning\">Ce texte n’est pas encore écrit dans toutes les langues du site. Il manque\u{00A0}: العربية, English</p>"))
            #expect(form.body.components(separatedBy: "field-warning").count - 1 == 1, "the title, in every language, and the empty subject have none")

            try await host.write("alpha") { db in try SearchTests.page(db, slug: "horaires", title: "Horaires", body: "Ouvert le lundi") }
            let pageID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM page WHERE slug = 'horaires'") } ?? 0
            var pages = Browser(client)
            try await pages.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await pages.get("/alpha/admin/pages/\(pageID)/edit").body.contains("Il manque\u{00A0}: العربية, English</p>"),
                    "forms laid out by their module say it too")
        }
    }
}
