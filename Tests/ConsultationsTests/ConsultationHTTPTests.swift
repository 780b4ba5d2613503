import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Consultations through HTTP: answering (and every refusal), one answer per person, results,
/// exports, the console, moderation and tenant isolation. The sample consultation (id 1) has a
/// ranking (q2, options 1–3), a multiple choice (q3, options 4–7, two at most), a required scale
/// (q4), a yes/no (q6) and a long text (q7).
@Suite struct ConsultationHTTPTests {
    static let sameSite: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
    static let answers: [(String, String)] = [("q2-1", "2"), ("q2-2", "1"), ("q2-3", "3"), ("q3", "4"), ("q3", "6"), ("q4", "4"),
                                              ("q6", "yes"), ("q7", "Plus de réunions de quartier")]

    static func host(citizenPostsPerHour: Int = 10) async throws -> TestHost {
        let host = try await TestHost(citizenPostsPerHour: citizenPostsPerHour)
        try await host.enable("consultations", on: "alpha", withSample: true)
        return host
    }

    static func responses(_ host: TestHost, _ tenant: String = "alpha") async throws -> Int {
        try await host.read(tenant) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consultation_response") ?? 0 }
    }

    static func setStatus(_ host: TestHost, _ sql: String) async throws {
        try await host.write("alpha") { db in try db.execute(sql: "UPDATE consultation SET \(sql) WHERE id = 1") }
    }

    @Test func anonymousVisitorAnswersOnceAndGetsAReceipt() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            let page = try await visitor.get("/alpha/consultations/1")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"q2-1\""))
            #expect(!page.body.contains("name=\"_csrf\""))
            let sent = try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "")
            #expect(sent.status == .seeOther)
            #expect(visitor.cookies["oc_respondent"] != nil)
            let receipt = try await visitor.get(try #require(sent.location))
            #expect(receipt.status == .ok)
            #expect(receipt.body.contains("5 sur 5"))
            let again = try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "")
            #expect(again.status == .conflict)
            // a forged cookie is not a respondent: it is ignored and a new visitor is made
            var forger = Browser(client)
            forger.headers = Self.sameSite
            forger.cookies["oc_respondent"] = "someone-else.c2lnbmF0dXJl"
            #expect(try await forger.post("/alpha/consultations/1/answer", Self.answers, csrf: "").status == .seeOther)
        }
        #expect(try await Self.responses(host) == 2)
    }

    @Test func invalidAnswersComeBackWithErrorsNextToTheirFieldsAndNothingIsStored() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            let wrong: [(String, String)] = [("q2-1", "1"), ("q2-2", "1"), ("q2-3", "2"), ("q3", "4"), ("q3", "5"), ("q3", "6"),
                                             ("q6", "yes"), ("q7", "Mon texte à garder")]
            let page = try await visitor.post("/alpha/consultations/1/answer", wrong, csrf: "")
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("id=\"q2-error\""))
            #expect(page.body.contains("id=\"q3-error\""))
            // the required scale was left empty
            #expect(page.body.contains("id=\"q4-error\""))
            #expect(page.body.contains("aria-describedby=\"q3-help q3-error\""))
            #expect(page.body.contains("Mon texte à garder"))
            #expect(page.body.contains("value=\"yes\" checked"))
            #expect(page.body.contains("value=\"6\" checked"))
            let honeypot = try await visitor.post("/alpha/consultations/1/answer", Self.answers + [("website", "x")], csrf: "")
            #expect(honeypot.status == .unprocessableContent)
            #expect(honeypot.body.contains("Plus de réunions de quartier"))
            let crossSite = try await visitor.send("/alpha/consultations/1/answer", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                                                   body: ByteBuffer(string: Browser.encode(Self.answers)))
            #expect(crossSite.status == .forbidden)
        }
        #expect(try await Self.responses(host) == 0)
    }

    @Test func closedAndNotYetOpenConsultationsRefuseAnswers() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            try await Self.setStatus(host, "opens_at = datetime('now', '+2 days'), closes_at = datetime('now', '+9 days')")
            let upcoming = try await visitor.get("/alpha/consultations/1")
            #expect(upcoming.body.contains("pas encore ouverte"))
            #expect(!upcoming.body.contains("name=\"q4\""))
            #expect(try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "").status == .forbidden)
            try await Self.setStatus(host, "opens_at = datetime('now', '-9 days'), closes_at = datetime('now', '-1 days')")
            #expect(try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "").status == .forbidden)
            try await Self.setStatus(host, "opens_at = datetime('now', '-9 days'), closes_at = datetime('now', '+1 days'), status = 'closed'")
            #expect(try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "").status == .forbidden)
            try await Self.setStatus(host, "status = 'draft'")
            #expect(try await visitor.get("/alpha/consultations/1").status == .notFound)
            #expect(try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "").status == .notFound)
        }
        #expect(try await Self.responses(host) == 0)
    }

    @Test func accountsOnlyConsultationsTakeOneAnswerPerAccount() async throws {
        let host = try await Self.host()
        try await Self.setStatus(host, "audience = 'accounts'")
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            let page = try await visitor.get("/alpha/consultations/1")
            #expect(page.body.contains("/alpha/login"))
            #expect(!page.body.contains("name=\"q4\""))
            let refused = try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "")
            #expect(refused.status == .unauthorized)
            #expect(refused.body.contains("Plus de réunions de quartier"))

            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/consultations/1")
            #expect(try await citizen.post("/alpha/consultations/1/answer", Self.answers).status == .seeOther)
            let after = try await citizen.get("/alpha/consultations/1")
            #expect(after.body.contains("déjà répondu"))
            #expect(!after.body.contains("name=\"q4\""))
            #expect(try await citizen.post("/alpha/consultations/1/answer", Self.answers).status == .conflict)
        }
        let stored = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT respondent FROM consultation_response") }
        #expect(stored.count == 1 && stored[0].hasPrefix("account:"))
    }

    @Test func rateLimitReturnsTheFormWithTheAnswersKept() async throws {
        let host = try await Self.host(citizenPostsPerHour: 2)
        try await host.test { client in
            for attempt in 1...3 {
                var visitor = Browser(client)
                visitor.headers = Self.sameSite
                let answer = try await visitor.post("/alpha/consultations/1/answer", Self.answers.map { $0.0 == "q7" ? ($0.0, "Avis \(attempt)") : $0 }, csrf: "")
                if attempt <= 2 {
                    #expect(answer.status == .seeOther)
                } else {
                    #expect(answer.status == .tooManyRequests)
                    #expect(answer.body.contains("Avis 3"))
                }
            }
        }
        #expect(try await Self.responses(host) == 2)
    }

    @Test func resultsArePublicOnlyOncePublishedAndMatchTheAnswers() async throws {
        let host = try await Self.host()
        try await host.test { client in
            for scale in ["4", "4", "2"] {
                var visitor = Browser(client)
                visitor.headers = Self.sameSite
                _ = try await visitor.post("/alpha/consultations/1/answer", Self.answers.map { $0.0 == "q4" ? ($0.0, scale) : $0 }, csrf: "")
            }
            var reader = Browser(client)
            // before publication the page says when the results come, and shows none
            let pending = try await reader.get("/alpha/consultations/1/results")
            #expect(pending.status == .ok)
            #expect(pending.body.contains("Les résultats seront publiés sur cette page après la clôture"))
            #expect(!pending.body.contains("<div class=\"bars\""))
            #expect(try await reader.get("/alpha/api/v1/consultations/1/results").status == .notFound)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let provisional = try await editor.get("/alpha/consultations/1/results")
            #expect(provisional.status == .ok)
            #expect(provisional.body.contains("provisoires"))

            try await Self.setStatus(host, "status = 'published'")
            let results = try await reader.get("/alpha/consultations/1/results")
            #expect(results.status == .ok)
            #expect(results.body.contains("<div class=\"bars\""))
            #expect(results.body.contains("<td>2</td><td>67</td>"))
            #expect(results.body.contains("Plus de réunions de quartier"))
            let json = try await reader.get("/alpha/api/v1/consultations/1/results")
            #expect(json.status == .ok)
            let document = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any]
            #expect(document?["responses"] as? Int == 3)
            let questions = document?["questions"] as? [[String: Any]] ?? []
            let scale = questions.first { $0["type"] as? String == "scale" }
            #expect((scale?["mean"] as? Double).map { abs($0 - 10.0 / 3) < 0.001 } == true)
            #expect(try await reader.get("/alpha/consultations/1").body.contains("Voir les résultats"))
        }
    }

    @Test func moderatorsHideFreeTextAnswersWhichStayCounted() async throws {
        let host = try await Self.host()
        try await Self.setStatus(host, "status = 'published', opens_at = datetime('now', '-1 days'), closes_at = datetime('now', '+1 days')")
        try await Self.setStatus(host, "status = 'open'")
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            _ = try await visitor.post("/alpha/consultations/1/answer", Self.answers.map { $0.0 == "q7" ? ($0.0, "Insulte grossière") : $0 }, csrf: "")
            try await Self.setStatus(host, "status = 'published'")
            let answerID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM consultation_answer WHERE text IS NOT NULL") }
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/consultations/1/results")
            #expect(try await citizen.post("/alpha/admin/consultations/1/answers/\(answerID ?? 0)/hide", [("reason", "x")]).status == .forbidden)
            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            let page = try await moderator.get("/alpha/consultations/1/results")
            #expect(page.body.contains("answers/\(answerID ?? 0)/hide"))
            #expect(try await moderator.post("/alpha/admin/consultations/1/answers/\(answerID ?? 0)/hide", [("reason", "")]).status == .unprocessableContent)
            #expect(try await moderator.post("/alpha/admin/consultations/1/answers/\(answerID ?? 0)/hide", [("reason", "Propos injurieux")]).status == .seeOther)
            var reader = Browser(client)
            let results = try await reader.get("/alpha/consultations/1/results")
            #expect(!results.body.contains("Insulte grossière"))
            #expect(results.body.contains("Propos injurieux"))
            #expect(results.body.contains("1 réponses libres"))
        }
    }

    @Test func consoleCreatesConsultationsAndLocksQuestionsOnceAnswered() async throws {
        let host = try await TestHost()
        try await host.enable("consultations", on: "alpha")
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.get("/alpha/admin/consultations").status == .forbidden)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/consultations/new")
            let bad = try await editor.post("/alpha/admin/consultations/new", [("title.fr", ""), ("opens_at", "2026-13-01T10:00"),
                                                                               ("closes_at", "2026-01-01T10:00"), ("audience", "anyone"), ("status", "open")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("2026-13-01T10:00"))
            let created = try await editor.post("/alpha/admin/consultations/new", [
                ("title.fr", "Budget participatif"), ("title.ar", "الميزانية التشاركية"), ("description.fr", "Votre avis"),
                ("opens_at", "2020-01-01T00:00"), ("closes_at", "2099-01-01T00:00"), ("audience", "anyone"), ("status", "open"),
            ])
            #expect(created.status == .seeOther)
            // the consultation's console page, without the notice the redirect carries
            let path = String(try #require(created.location).split(separator: "?")[0])
            try await editor.get(path + "/questions/new")
            let mismatched = try await editor.post(path + "/questions/new", [("type", "single"), ("title.fr", "Quel quartier ?"),
                                                                              ("options.fr", "Nord\nSud"), ("options.ar", "الشمال")])
            #expect(mismatched.status == .unprocessableContent)
            #expect(mismatched.body.contains("Nord\nSud"))
            #expect(try await editor.post(path + "/questions/new", [("type", "single"), ("title.fr", "Quel quartier ?"), ("required", "on"),
                                                                    ("options.fr", "Nord\nSud"), ("options.ar", "الشمال\nالجنوب")]).status == .seeOther)
            #expect(try await editor.post(path + "/questions/new", [("type", "multiple"), ("title.fr", "Quoi ?"), ("options.fr", "A\nB"),
                                                                    ("max_choices", "3")]).status == .unprocessableContent)
            let questionID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM consultation_question") } ?? 0
            try await editor.get(path + "/questions/\(questionID)")
            #expect(try await editor.post(path + "/questions/\(questionID)", [("type", "single"), ("title.fr", "Quel quartier habitez-vous ?"),
                                                                               ("options.fr", "Nord\nSud\nCentre")]).status == .seeOther)

            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            let consultationID = path.split(separator: "/").last!
            let optionID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM consultation_option WHERE position = 3") } ?? 0
            #expect(try await visitor.post("/alpha/consultations/\(consultationID)/answer", [("q\(questionID)", "\(optionID)")], csrf: "").status == .seeOther)

            #expect(try await editor.get(path + "/questions/\(questionID)").status == .conflict)
            #expect(try await editor.post(path + "/questions/\(questionID)", [("type", "single"), ("title.fr", "Autre"), ("options.fr", "X\nY")]).status
                    == .conflict)
            #expect(try await editor.post(path + "/questions/\(questionID)/delete", []).status == .conflict)
            let console = try await editor.get(path)
            #expect(console.body.contains("ne peuvent plus être modifiées"))
            #expect(try await editor.post(path + "/questions/new", [("type", "yes_no"), ("title.fr", "Question ajoutée")]).status == .seeOther)

            let csv = try await editor.get(path + "/answers.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("Quel quartier habitez-vous ?"))
            #expect(csv.body.contains(",Centre,"))
            #expect(try await visitor.get(path + "/answers.csv").status == .unauthorized)
        }
        let audit = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE module = 'consultations' ORDER BY id") }
        #expect(audit == ["create", "add_question", "edit_question", "add_question"])
    }

    @Test func feedHomeCardAndIndicators() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            let feed = try await visitor.get("/alpha/consultations/feed.atom")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            #expect(feed.body.contains("Révision à mi-parcours"))
            let home = try await visitor.get("/alpha/")
            #expect(home.body.contains("/alpha/consultations/1"))
            #expect(home.body.contains("Consultations ouvertes"))
            let list = try await visitor.get("/alpha/api/v1/consultations")
            #expect(list.body.contains("\"phase\":\"open\""))
            let arabic = try await visitor.get("/alpha/consultations/1?lang=ar")
            #expect(arabic.body.contains("dir=\"rtl\""))
            #expect(arabic.body.contains("مراجعة منتصف المدة"))
        }
    }

    @Test func answersNeverCrossTenants() async throws {
        let host = try await Self.host()
        try await host.enable("consultations", on: "beta", withSample: true)
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = Self.sameSite
            #expect(try await visitor.post("/alpha/consultations/1/answer", Self.answers, csrf: "").status == .seeOther)
            // the alpha respondent cookie is scoped to /alpha and signed for alpha: beta sees a new visitor
            #expect(try await visitor.post("/beta/consultations/1/answer", Self.answers, csrf: "").status == .seeOther)
            try await host.write("beta") { db in try db.execute(sql: "UPDATE consultation SET status = 'published'") }
            let beta = try await visitor.get("/beta/api/v1/consultations/1/results")
            #expect(beta.body.contains("\"responses\":1"))
        }
        #expect(try await Self.responses(host, "alpha") == 1)
        #expect(try await Self.responses(host, "beta") == 1)
    }
}
