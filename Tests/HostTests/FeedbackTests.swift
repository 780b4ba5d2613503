import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Comments and suggestions through HTTP: sending, refusals that keep the text, moderation,
/// reasoned answers, offline input, public figures and tenant isolation.
@Suite struct FeedbackTests {
    static let sameSite: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]

    /// `alpha` with a published page `about` and an unpublished `draft`.
    static func host(citizenPostsPerHour: Int = 10, withoutAccount: Bool = false) async throws -> TestHost {
        let host = try await TestHost(citizenPostsPerHour: citizenPostsPerHour)
        try await host.write("alpha") { db in
            for (slug, published) in [("about", true), ("draft", false)] {
                try db.execute(sql: """
                    INSERT INTO page (slug, title, body, published, position, created_at, updated_at)
                    VALUES (?, '{"fr":"À propos","en":"About"}', '{"fr":"Texte"}', ?, 0, datetime('now'), datetime('now'))
                    """, arguments: [slug, published])
            }
            if withoutAccount {
                try db.execute(sql: "INSERT INTO core_setting (key, value) VALUES ('feedback.without_account', '1')")
            }
        }
        return host
    }

    static func comment(_ body: String, kind: String = "comment", item: String = "page:about", name: String = "") -> [(String, String)] {
        [("module", "pages"), ("item", item), ("kind", kind), ("body", body), ("name", name), ("contact", ""), ("website", "")]
    }

    static func count(_ host: TestHost, _ tenant: String = "alpha") async throws -> Int {
        try await host.read(tenant) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? 0 }
    }

    /// The entry's own page from the redirect after sending (without the `?sent=1` notice).
    static func entryPath(_ sent: Page) throws -> String {
        #expect(sent.status == .seeOther)
        return String(try #require(sent.location).split(separator: "?")[0])
    }

    @Test func signedInCitizenCommentsAndSeesItUnderThePage() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "citizen@alpha.test")
            let page = try await browser.get("/alpha/pages/about")
            #expect(page.body.contains("id=\"feedback-form\""))
            let sent = try await browser.post("/alpha/feedback", Self.comment("Bonne initiative, merci."))
            #expect(sent.status == .seeOther)
            let receipt = try await browser.get(try #require(sent.location))
            #expect(receipt.body.contains("Bonne initiative, merci."))
            #expect(receipt.body.contains("role=\"status\""))
            let again = try await browser.get("/alpha/pages/about")
            #expect(again.body.contains("Bonne initiative, merci."))
            #expect(again.body.contains("Citizen"))
        }
        let row = try await host.read("alpha") { db in try Row.fetchOne(db, sql: "SELECT channel, item FROM feedback").map { [$0["channel"] as String, $0["item"]] } }
        #expect(row == ["online", "page:about"])
    }

    @Test func anonymousInputNeedsTheTenantsConsentAndASameOriginForm() async throws {
        let closed = try await Self.host()
        try await closed.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/alpha/pages/about")
            #expect(page.body.contains("/alpha/login"))
            #expect(!page.body.contains("id=\"feedback-form\""))
            browser.headers = Self.sameSite
            let refused = try await browser.post("/alpha/feedback", Self.comment("Mon avis", name: "Amina"), csrf: "")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Mon avis"))
        }
        #expect(try await Self.count(closed) == 0)

        let open = try await Self.host(withoutAccount: true)
        try await open.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/alpha/pages/about")
            // the shared page holds no per-visitor token
            #expect(!page.body.contains("name=\"_csrf\""))
            #expect(page.body.contains("name=\"name\""))
            let crossSite = try await browser.send("/alpha/feedback", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded",
                                                             HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                                                   body: ByteBuffer(string: Browser.encode(Self.comment("Spam", name: "X"))))
            #expect(crossSite.status == .forbidden)
            browser.headers = Self.sameSite
            let missingName = try await browser.post("/alpha/feedback", Self.comment("Sans nom"), csrf: "")
            #expect(missingName.status == .unprocessableContent)
            #expect(missingName.body.contains("Sans nom"))
            let sent = try await browser.post("/alpha/feedback", Self.comment("Avec nom", name: "Amina") + [("contact", "amina@example.test")], csrf: "")
            #expect(sent.status == .seeOther)
            let thread = try await browser.get("/alpha/pages/about")
            #expect(thread.body.contains("Amina"))
            // the contact is for staff only
            #expect(!thread.body.contains("amina@example.test"))
        }
        #expect(try await Self.count(open) == 1)
    }

    @Test func refusalsKeepTheTextAndStoreNothing() async throws {
        // a refused duplicate still uses one of the four posts allowed
        let host = try await Self.host(citizenPostsPerHour: 4)
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "citizen@alpha.test")
            try await browser.get("/alpha/pages/about")
            let honeypot = try await browser.post("/alpha/feedback", Self.comment("Texte du robot").map { $0.0 == "website" ? ($0.0, "http://spam") : $0 })
            #expect(honeypot.status == .unprocessableContent)
            #expect(honeypot.body.contains("Texte du robot"))
            let tooLong = try await browser.post("/alpha/feedback", Self.comment(String(repeating: "a", count: 4_001)))
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.body.contains("4 000"))
            let empty = try await browser.post("/alpha/feedback", Self.comment("   "))
            #expect(empty.status == .unprocessableContent)
            let badKind = try await browser.post("/alpha/feedback", Self.comment("x", kind: "rant"))
            #expect(badKind.status == .unprocessableContent)
            let unpublished = try await browser.post("/alpha/feedback", Self.comment("Sur un brouillon", item: "page:draft"))
            #expect(unpublished.status == .notFound)
            let unknownModule = try await browser.post("/alpha/feedback", [("module", "plans"), ("item", "commitment:1"), ("kind", "comment"), ("body", "x")])
            #expect(unknownModule.status == .notFound)

            #expect(try await browser.post("/alpha/feedback", Self.comment("Premier avis")).status == .seeOther)
            let duplicate = try await browser.post("/alpha/feedback", Self.comment("premier   AVIS"))
            #expect(duplicate.status == .conflict)
            #expect(duplicate.body.contains("premier   AVIS"))
            #expect(try await browser.post("/alpha/feedback", Self.comment("Deuxième avis")).status == .seeOther)
            #expect(try await browser.post("/alpha/feedback", Self.comment("Troisième avis")).status == .seeOther)
            let limited = try await browser.post("/alpha/feedback", Self.comment("Quatrième avis, à garder"))
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.contains("Quatrième avis, à garder"))
        }
        #expect(try await Self.count(host) == 3)
    }

    @Test func moderationHidesButKeepsAndCounts() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let sent = try await citizen.post("/alpha/feedback", Self.comment("Propos insultant"))
            let path = try Self.entryPath(sent)
            try await citizen.get(path)
            #expect(try await citizen.post("\(path)/flag", [("reason", "")]).status == .unprocessableContent)
            let flagged = try await citizen.post("\(path)/flag", [("reason", "Insulte")])
            #expect(flagged.status == .seeOther)
            // a citizen may not hide
            #expect(try await citizen.post("\(path)/hide", [("reason", "x")]).status == .forbidden)

            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            let queue = try await moderator.get("/alpha/admin/feedback?filter=flagged")
            #expect(queue.body.contains("Propos insultant"))
            try await moderator.get(path)
            #expect(try await moderator.post("\(path)/hide", [("reason", "")]).status == .unprocessableContent)
            #expect(try await moderator.post("\(path)/hide", [("reason", "Insulte envers un agent")]).status == .seeOther)
            // the moderator still reads the hidden text, to decide whether to show it again
            #expect(try await moderator.get(path).body.contains("Propos insultant"))

            var reader = Browser(client)
            let page = try await reader.get("/alpha/pages/about")
            #expect(!page.body.contains("Propos insultant"))
            #expect(page.body.contains("Masqué par la modération"))
            #expect(page.body.contains("Insulte envers un agent"))
            let stats = try await reader.get("/alpha/api/v1/feedback/stats")
            #expect(stats.body.contains("\"hidden\":1"))
            #expect(stats.body.contains("\"received\":1"))
            let thread = try await reader.get("/alpha/api/v1/feedback/thread?module=pages&item=page:about")
            #expect(thread.body.contains("\"body\":null"))
            // hidden text cannot be edited back into view by its author
            #expect(try await citizen.post("\(path)/edit", [("body", "Autre texte")]).status == .forbidden)
        }
        let stored = try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT body FROM feedback WHERE hidden_at IS NOT NULL") }
        #expect(stored == "Propos insultant")
        let audit = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE item_type = 'feedback'") }
        #expect(audit == ["hide"])
    }

    @Test func authorEditsKeepHistoryAndOnlyTheAuthorMayEdit() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var author = Browser(client)
            try await author.signIn("/alpha", email: "citizen@alpha.test")
            try await author.get("/alpha/pages/about")
            let path = try Self.entryPath(try await author.post("/alpha/feedback", Self.comment("Premier jet")))
            try await author.get(path)
            #expect(try await author.post("\(path)/edit", [("body", "Version corrigée")]).status == .seeOther)
            let page = try await author.get(path)
            #expect(page.body.contains("Version corrigée"))
            #expect(page.body.contains("Premier jet"))

            var other = Browser(client)
            try await other.signIn("/alpha", email: "editor@alpha.test")
            try await other.get(path)
            #expect(try await other.post("\(path)/edit", [("body", "Falsifié")]).status == .forbidden)
        }
        let revisions = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT body FROM feedback_revision") }
        #expect(revisions == ["Premier jet"])
    }

    @Test func staffAnswerWithOutcomeAndReasonAndFiguresFollow() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let path = try Self.entryPath(try await citizen.post("/alpha/feedback", Self.comment("Publier les horaires", kind: "suggestion")))
            _ = try await citizen.post("/alpha/feedback", Self.comment("Ajouter un plan d’accès", kind: "suggestion"))
            try await citizen.get(path)
            #expect(try await citizen.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "x"), ("incomplete_ok", "1")]).status == .forbidden)

            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let unanswered = try await editor.get("/alpha/admin/feedback")
            #expect(unanswered.body.contains("Publier les horaires"))
            try await editor.get(path)
            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", ""), ("incomplete_ok", "1")]).status == .unprocessableContent)
            #expect(try await editor.post("\(path)/respond", [("outcome", "maybe"), ("reason.fr", "x"), ("incomplete_ok", "1")]).status == .unprocessableContent)
            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "x"), ("incomplete_ok", "1"), ("target", "plans:commitment:99")]).status
                    == .unprocessableContent)
            #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("reason.fr", "Les horaires sont en ligne depuis mars."), ("incomplete_ok", "1")]).status
                    == .seeOther)

            var reader = Browser(client)
            let page = try await reader.get("/alpha/pages/about")
            #expect(page.body.contains("Les horaires sont en ligne depuis mars."))
            #expect(page.body.contains("Retenue"))
            let figures = try await reader.get("/alpha/feedback")
            #expect(figures.status == .ok)
            #expect(figures.body.contains("50\u{202F}%"))
            let stats = try await reader.get("/alpha/api/v1/feedback/stats")
            #expect(stats.body.contains("\"response_rate_percent\":50"))
            #expect(stats.body.contains("\"adopted\":1"))
            let home = try await reader.get("/alpha/")
            #expect(home.body.contains("Suggestions ayant reçu une réponse"))
        }
    }

    @Test func staffEnterOfflineInputThatCountsByChannel() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.get("/alpha/admin/feedback/new").status == .forbidden)

            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            let form = try await moderator.get("/alpha/admin/feedback/new")
            #expect(form.body.contains("page:about") == false)
            let future = try await moderator.post("/alpha/admin/feedback/new", [
                ("subject", "core:general"), ("kind", "suggestion"), ("channel", "hearing"), ("received_on", "2999-01-01"),
                ("name", "Habitant du quartier"), ("body", "Éclairer la place"),
            ])
            #expect(future.status == .unprocessableContent)
            #expect(future.body.contains("Éclairer la place"))
            let online = try await moderator.post("/alpha/admin/feedback/new", [
                ("subject", "core:general"), ("kind", "suggestion"), ("channel", "online"), ("received_on", "2026-01-15"), ("body", "x"),
            ])
            #expect(online.status == .unprocessableContent)
            let saved = try await moderator.post("/alpha/admin/feedback/new", [
                ("subject", "core:general"), ("kind", "suggestion"), ("channel", "hearing"), ("received_on", "2026-01-15"),
                ("name", "Habitant du quartier"), ("body", "Éclairer la place"),
            ])
            #expect(saved.status == .seeOther)
            var reader = Browser(client)
            let stats = try await reader.get("/alpha/api/v1/feedback/stats")
            #expect(stats.body.contains("\"hearing\":1"))
            #expect(stats.body.contains("\"month\":\"2026-01\""))
            let general = try await reader.get("/alpha/feedback/on/core/general")
            #expect(general.body.contains("Éclairer la place"))
            #expect(general.body.contains("audience publique"))
        }
    }

    @Test func feedbackNeverCrossesTenants() async throws {
        let host = try await Self.host()
        try await host.enable("pages", on: "beta")
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let path = try Self.entryPath(try await citizen.post("/alpha/feedback", Self.comment("Seulement pour Alpha")))
            let id = path.split(separator: "/").last!
            // the same id under another tenant is that tenant's own (missing) entry
            var visitor = Browser(client)
            #expect(try await visitor.get("/beta/feedback/\(id)").status == .notFound)
            #expect(!(try await visitor.get("/beta/api/v1/feedback/thread?module=pages&item=page:about").body.contains("Alpha")))
            var betaAdmin = Browser(client)
            try await betaAdmin.signIn("/beta", email: "admin@beta.test")
            let queue = try await betaAdmin.get("/beta/admin/feedback?filter=all")
            #expect(!queue.body.contains("Seulement pour Alpha"))
            // an alpha session means nothing in beta: its token is refused there
            try await citizen.get("/alpha/pages/about")
            #expect(try await citizen.post("/beta/feedback/\(id)/hide", [("reason", "x")]).status == .forbidden)
        }
        #expect(try await Self.count(host, "beta") == 0)
    }

    @Test func commitmentsAndActivitiesTakeComments() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            let sheet = try await citizen.get("/alpha/plans/2")
            #expect(sheet.body.contains("name=\"item\" value=\"commitment:2\""))
            let activityLink = try #require(sheet.body.range(of: "/alpha/feedback/on/plans/activity:[0-9]+", options: .regularExpression))
            let activityPath = String(sheet.body[activityLink])
            let activityPage = try await citizen.get(activityPath)
            #expect(activityPage.status == .ok)
            let item = String(activityPath.split(separator: "/").last!)
            #expect(try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", item), ("kind", "suggestion"),
                                                               ("body", "Associer les écoles")]).status == .seeOther)
            #expect(try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "activity:999999"), ("kind", "comment"),
                                                               ("body", "x")]).status == .notFound)
            let again = try await citizen.get("/alpha/plans/2")
            #expect(again.body.contains(">1<span class=\"visually-hidden\">"))

            // the answer points to the activity the suggestion changed
            let entryID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM feedback") } ?? 0
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/feedback/\(entryID)")
            #expect(try await editor.post("/alpha/feedback/\(entryID)/respond", [("outcome", "partly_adopted"), ("reason.fr", "Deux écoles associées"), ("incomplete_ok", "1"),
                                                                                ("target", "plans:\(item)")]).status == .seeOther)
            var reader = Browser(client)
            let answered = try await reader.get(activityPath)
            #expect(answered.body.contains("Deux écoles associées"))
            #expect(answered.body.contains("/alpha/plans/2#\(item.replacingOccurrences(of: ":", with: "-"))"))
        }
    }

    @Test func reportsAndConsultationsTakeCommentsWhilePublic() async throws {
        let host = try await TestHost()
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.enable("consultations", on: "alpha", withSample: true)
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            for (page, module, item) in [("/alpha/reports/1", "reports", "report:1"), ("/alpha/consultations/1", "consultations", "consultation:1")] {
                let shown = try await citizen.get(page)
                #expect(shown.body.contains("name=\"item\" value=\"\(item)\""))
                #expect(try await citizen.post("/alpha/feedback", [("module", module), ("item", item), ("kind", "suggestion"),
                                                                   ("body", "Suggestion sur \(item)")]).status == .seeOther)
            }
            try await host.write("alpha") { db in try db.execute(sql: "UPDATE consultation SET status = 'draft'") }
            #expect(try await citizen.post("/alpha/feedback", [("module", "consultations"), ("item", "consultation:1"), ("kind", "comment"),
                                                               ("body", "Sur un brouillon")]).status == .notFound)
        }
        #expect(try await Self.count(host) == 2)
    }
}
