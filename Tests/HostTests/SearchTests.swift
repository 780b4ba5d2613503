import CivicSDK
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

/// One search over every public item of a tenant: accents and Arabic spellings folded, always current.
@Suite struct SearchTests {
    static func page(_ db: Database, slug: String, title: String, body: String, published: Bool = true) throws {
        try db.execute(sql: """
            INSERT INTO page (slug, title, body, published, position, created_at, updated_at) VALUES (?, ?, ?, ?, 0, datetime('now'), datetime('now'))
            """, arguments: [slug, LocalizedText(["fr": title]).json, LocalizedText(["fr": body]).json, published])
    }

    /// Words people type find the words written: plurals, articles, ligatures, spelling variants.
    @Test(arguments: [
        ("rapports", "rapport"), ("réunions", "réunion"), ("oeuvre", "œuvre"), ("Évènements", "événement"),
        ("reports", "report"), ("meetings", "meeting"),
        ("تقرير", "التقرير"), ("رقمنة", "الرقمنة"), ("المكتبة", "مكتبه"), ("إِنْشَاءُ", "انشاء"),
        ("مسؤول", "مسوول"), ("مستشفى", "مستشفي"), ("المكتبه", "المكتبة"), ("انشاء", "إنشاء"), ("جمـــاعة", "جماعة"), ("المواطنين", "المواطنون"),
        ("الاجتماعات", "اجتماعات"), ("اجتماعات", "اجتماع"),
    ])
    func wordsMatchTheirVariants(_ pair: (String, String)) {
        #expect(!SearchText.stems(of: pair.0).isDisjoint(with: SearchText.stems(of: pair.1)), "\(pair.0) ~ \(pair.1): \(SearchText.stems(of: pair.0)) \(SearchText.stems(of: pair.1))")
    }

    @Test func queriesAreWordsNotSyntax() throws {
        let query = try #require(SearchText.Query("budget \"participatif\" AND *").fts)
        #expect(query.contains("{title body} : \"budget\"") && query.contains("{title body} : \"and\""))
        #expect(!query.contains("\"AND\"") && query.components(separatedBy: " AND ").count == 3, "typed operators are words")
        #expect(SearchText.Query("  ,;  ").fts == nil)
    }

    @Test func snippetsShowTheOriginalWords() {
        let snippet = SearchText.Query("rapport").snippet(in: "Les rapports annuels de la commune sont publiés ici.", start: "[", end: "]")
        #expect(snippet == "Les [rapports] annuels de la commune sont publiés ici.")
        let arabic = SearchText.Query("تقرير").snippet(in: "نشرت الجماعة التقرير السنوي", start: "[", end: "]")
        #expect(arabic == "نشرت الجماعة [التقرير] السنوي", "the real word, not its normalised index form")
    }

    @Test func findsEveryModulesPublicItemsWithoutAccentsOrArabicVariants() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.write("alpha") { db in
            try Self.page(db, slug: "culture", title: "Événement culturel", body: "La fête des élèves aura lieu place Moulay El Mehdi.")
            try Self.page(db, slug: "maktaba", title: "إنشاء المكتبة", body: "مشروع مكتبة الحيّ")
            try Self.page(db, slug: "brouillon", title: "Événement secret", body: "pas encore public", published: false)
        }
        try await host.test { client in
            var visitor = Browser(client)
            let accents = try await visitor.get("/alpha/search?q=evenement")
            #expect(accents.status == .ok)
            #expect(accents.body.contains("/alpha/pages/culture"))
            #expect(!accents.body.contains("/alpha/pages/brouillon"))
            #expect(accents.body.contains("<mark>"))
            let arabic = try await visitor.get("/alpha/search?q=" + "انشاء المكتبه".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(arabic.body.contains("/alpha/pages/maktaba"))
            let plan = try await visitor.get("/alpha/search?q=suivi")
            #expect(plan.body.contains("/alpha/plans/2"))
            #expect(plan.body.contains("id=\"group-plans\""))
            let report = try await visitor.get("/alpha/api/v1/search?q=rapport")
            #expect(report.body.contains("\"module\":\"reports\""))
            // a page past the results is empty, not the last page again
            let far = try await visitor.get("/alpha/api/v1/search?q=rapport&page=600")
            #expect(far.body.contains("\"page\":600"))
            #expect(far.body.contains("\"results\":[]"))
            // operators typed by a visitor are words, not syntax errors
            #expect(try await visitor.get("/alpha/search?q=%22NEAR(%2A").status == .ok)
            #expect(try await visitor.get("/alpha/search?q=").body.contains("id=\"q\""))
            // another tenant's index is its own
            #expect(!(try await visitor.get("/beta/search?q=evenement").body.contains("culture")))
        }
    }

    static func paths(_ client: some TestClientProtocol, _ query: String) async throws -> [String] {
        var visitor = Browser(client)
        let body = try await visitor.get("/alpha/api/v1/search?q=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).body
        return body.components(separatedBy: "\"url\":\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The examples a new user tried: plurals, the typed form of a ligature, the Arabic article.
    @Test func searchUnderstandsFrenchAndArabicWords() async throws {
        let host = try await TestHost()
        try await host.write("alpha") { db in
            try Self.page(db, slug: "suivi", title: "Suivi de la mise en œuvre", body: "Les rapports et les réunions de suivi.")
            try Self.page(db, slug: "rapport", title: "Rapport annuel", body: "Un seul document.")
            try Self.page(db, slug: "taqrir", title: "التقرير السنوي", body: "نشرت الجماعة التقرير حول الرقمنة لفائدة المواطنين")
        }
        try await host.test { client async throws in
            #expect(Set(try await Self.paths(client, "rapport")) == Set(try await Self.paths(client, "rapports")))
            #expect(try await Self.paths(client, "rapport").first == "/alpha/pages/rapport", "the word as written ranks first")
            #expect(try await Self.paths(client, "réunion") == ["/alpha/pages/suivi"])
            #expect(try await Self.paths(client, "oeuvre") == ["/alpha/pages/suivi"])
            for word in ["تقرير", "التقرير", "رقمنة", "مواطنين"] {
                #expect(try await Self.paths(client, word) == ["/alpha/pages/taqrir"], "\(word)")
            }
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/search?q=" + "رقمنة".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(page.body.contains("<mark>الرقمنة</mark>"), "the extract shows the word as written")
            #expect(page.body.contains("الجماعة") && !page.body.contains("الجماعه"))
            #expect(try await visitor.get("/alpha/search?q=rapport").body.contains("2 résultats."), "plural forms, not \"(s)\"")
            #expect(try await visitor.get("/alpha/search?q=annuel").body.contains("1 résultat."))
            #expect(try await visitor.get("/alpha/search?q=rapport&lang=ar").body.contains("نتيجتان."), "the Arabic dual")
        }
    }

    /// From the commune, its instances' work is found too, labelled with the instance and linked where it lives.
    @Test func aCommuneFindsItsInstancesWork() async throws {
        let host = try await TestHost()
        try await host.enable("instances", on: "alpha")
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        try await host.test { client async throws in
            var visitor = Browser(client)
            let profile = try await visitor.get("/alpha/search?q=" + "égalité des chances".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(profile.body.contains("href=\"/alpha-youth/instances\""), "the instance's profile")
            #expect(profile.body.contains("— Instance jeunesse"), "labelled with the instance")
            let opinion = try await visitor.get("/alpha/search?q=accessibilite")
            #expect(opinion.body.contains("href=\"/alpha-youth/instances/opinions/"), "linked at the instance, not under the commune")
            // the instance's own search stays its own: it does not list the commune's items
            try await host.write("alpha") { db in try Self.page(db, slug: "ecoles", title: "Écoles", body: "La liste des écoles communales.") }
            #expect(!(try await visitor.get("/alpha-youth/search?q=ecoles").body.contains("/alpha/pages/ecoles")))
            #expect(try await visitor.get("/alpha/search?q=ecoles").body.contains("/alpha/pages/ecoles"))
            // a change in the instance reaches the commune's index
            try await host.write("alpha-youth") { db in
                try db.execute(sql: "UPDATE instance_profile SET mission = '{\"fr\":\"Nouvelle mission : le budget participatif\"}'")
            }
            #expect(try await visitor.get("/alpha/search?q=participatif").body.contains("href=\"/alpha-youth/instances\""))
        }
    }

    @Test func theIndexFollowsEveryChange() async throws {
        let host = try await TestHost()
        try await host.write("alpha") { db in try Self.page(db, slug: "horaires", title: "Horaires", body: "Ouvert le lundi") }
        try await host.test { client in
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/search?q=lundi").body.contains("/alpha/pages/horaires"))
            try await host.write("alpha") { db in
                try db.execute(sql: "UPDATE page SET body = '{\"fr\":\"Ouvert le mardi\"}' WHERE slug = 'horaires'")
            }
            #expect(!(try await visitor.get("/alpha/search?q=lundi").body.contains("/alpha/pages/horaires")))
            #expect(try await visitor.get("/alpha/search?q=mardi").body.contains("/alpha/pages/horaires"))
            try await host.write("alpha") { db in try db.execute(sql: "UPDATE page SET published = 0") }
            #expect(!(try await visitor.get("/alpha/search?q=mardi").body.contains("/alpha/pages/horaires")))
        }
    }

    @Test func resultsArePaginated() async throws {
        let host = try await TestHost()
        try await host.write("alpha") { db in
            for n in 1...25 { try Self.page(db, slug: "p\(n)", title: "Quartier \(n)", body: "Réunion de quartier numéro \(n)") }
        }
        try await host.test { client in
            var visitor = Browser(client)
            let first = try await visitor.get("/alpha/search?q=quartier")
            #expect(first.body.contains("25 résultats."))
            #expect(first.body.contains("page=2"))
            let second = try await visitor.get("/alpha/search?q=quartier&page=2")
            #expect(second.body.components(separatedBy: "<li><a href=\"/alpha/pages/").count - 1 == 5)
        }
    }

    /// Comments and suggestions, with the commune's answers, are found like items: by their words'
    /// stems, with the original words in the extract; hidden ones and those on items no longer public
    /// are not; the index follows each change without a rebuild.
    @Test func commentsSuggestionsAndAnswersAreFound() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let path = try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Installer des bancs près des écoles", kind: "suggestion")))
            _ = try await citizen.post("/alpha/feedback", FeedbackTests.comment("أقترح تنظيم اجتماعات في الأحياء", kind: "suggestion"))

            var visitor = Browser(client)
            let found = try await visitor.get("/alpha/search?q=banc+ecole")
            #expect(found.body.contains("href=\"\(path)\""), "found by the stems of its words, accents folded")
            #expect(found.body.contains("Commentaires et suggestions"))
            #expect(found.body.contains("<mark>bancs</mark>"), "the extract shows the words as written")
            let arabicHit = try await visitor.get("/alpha/search?q=الاجتماعات").body
            #expect(arabicHit.contains("<mark>اجتماعات</mark>"), "Arabic sent from the French page is stemmed as Arabic")
            #expect(arabicHit.contains("lang=\"ar\" dir=\"rtl\""), "and marked as Arabic")
            let json = try await visitor.get("/alpha/api/v1/search?q=bancs")
            #expect(json.body.contains("\"module\":\"feedback\""))

            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get(path)
            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "Trois bancs seront posés au printemps."),
                                                             ("incomplete_ok", "1")]).status == .seeOther)
            #expect(try await visitor.get("/alpha/search?q=printemps").body.contains("href=\"\(path)\""), "the answer is searched too")

            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            try await moderator.get(path)
            #expect(try await moderator.post("\(path)/hide", [("reason", "Doublon")]).status == .seeOther)
            #expect(!(try await visitor.get("/alpha/search?q=bancs").body.contains("href=\"\(path)\"")), "hidden: no longer found")
            #expect(try await moderator.post("\(path)/unhide", []).status == .seeOther)
            #expect(try await visitor.get("/alpha/search?q=bancs").body.contains("href=\"\(path)\""))

            try await host.write("alpha") { db in try db.execute(sql: "UPDATE page SET published = 0 WHERE slug = 'about'") }
            #expect(!(try await visitor.get("/alpha/search?q=bancs").body.contains("href=\"\(path)\"")), "its page is no longer public")
        }
        let rows = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback_search") }
        #expect(rows == 2, "one row per visible entry")
    }
}
