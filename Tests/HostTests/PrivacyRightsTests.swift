import CivicSDK
import Foundation
import GRDB
import HummingbirdTesting
import Testing
@testable import TestSupport
@testable import OpenCommune

/// Access, erasure and the notice: a citizen downloads what the site keeps about them, deletes their
/// account (contributions stay, signed "deleted account"), and reads what is kept and why; a visitor
/// without an account hears of the answer only at an address they confirmed.
@Suite struct PrivacyRightsTests {
    @Test func theDataDownloadHoldsEverythingKeptAboutTheAccountAndNobodyElses() async throws {
        let host = try await FeedbackTests.host()
        try await host.enable("consultations", on: "alpha", withSample: true)
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            #expect(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Mon commentaire personnel")).status == .seeOther)
            var other = Browser(client)
            try await other.signIn("/alpha", email: "editor@alpha.test")
            try await other.get("/alpha/pages/about")
            #expect(try await other.post("/alpha/feedback", FeedbackTests.comment("Le texte de quelqu'un d'autre")).status == .seeOther)

            let zip = try await citizen.get("/alpha/account/data.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip" && zip.headers[.cacheControl] == "no-store")
            for name in ["account.json", "contributions.json", "follows.json", "mail-preferences.json", "mail-sent.json", "changes-made.json", "README.txt"] {
                #expect(zip.body.contains(name), "\(name)")
            }
            #expect(zip.body.contains("citizen@alpha.test") && zip.body.contains("Mon commentaire personnel"))
            #expect(!zip.body.contains("quelqu'un d'autre") && !zip.body.contains("editor@alpha.test"), "only one's own")
            #expect(!zip.body.contains("password_hash") && !zip.body.contains("$2"), "never the password's hash")
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/account/data.zip").status == .seeOther, "signed-in only")
        }
    }

    @Test func deletingTheAccountKeepsContributionsSignedDeletedAndForgetsThePerson() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let entry = try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Plus de bancs au parc", kind: "suggestion")))
            let page = try await citizen.get("/alpha/account/delete")
            #expect(page.status == .ok && page.body.contains("Ce qui disparaît") && page.body.contains("Ce qui reste"))
            #expect(page.body.contains("<a href=\"/alpha/account\">Mon compte</a>"), "under the account page in the breadcrumbs")
            #expect(try await citizen.post("/alpha/account/delete", [("password", "correct horse battery staple")]).status == .badRequest, "the box unticked")
            #expect(try await citizen.post("/alpha/account/delete", [("confirm", "yes"), ("password", "wrong")]).status == .badRequest)
            #expect(try await citizen.post("/alpha/account/delete", [("confirm", "yes"), ("password", TestHost.password)], csrf: "").status == .forbidden)
            #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE email = 'citizen@alpha.test'") } == 1,
                    "nothing deleted by a refused form")
            let done = try await citizen.post("/alpha/account/delete", [("confirm", "yes"), ("password", TestHost.password)])
            #expect(done.status == .seeOther && done.location == "/alpha/?done=account_deleted")
            #expect(done.headers[.setCookie]?.contains("Max-Age=0") == true || done.headers[.setCookie]?.contains("Expires") == true)

            var visitor = Browser(client)
            let shown = try await visitor.get(entry)
            #expect(shown.body.contains("Plus de bancs au parc") && shown.body.contains("Compte supprimé") && !shown.body.contains("Citizen"))
            let left = try await host.read("alpha") { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE email = 'citizen@alpha.test'"),
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE recipient LIKE '%citizen@alpha.test%'"),
                 try String.fetchOne(db, sql: "SELECT author_name FROM feedback WHERE body = 'Plus de bancs au parc'"))
            }
            #expect(left.0 == 0 && left.1 == 0 && left.2 == "")
            #expect(try await citizen.get("/alpha/account").status == .seeOther, "signed out")
            var again = Browser(client)
            await #expect(throws: (any Error).self, "no account to sign in to") { try await again.signIn("/alpha", email: "citizen@alpha.test") }
        }
    }

    @Test func theLastAdministratorCannotDeleteTheirAccount() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/account/delete")
            let refused = try await admin.post("/alpha/account/delete", [("confirm", "yes"), ("password", TestHost.password)])
            #expect(refused.status == .conflict && refused.body.contains("seul administrateur"))
        }
    }

    @Test func thePrivacyNoticeIsLinkedFromFormsAndTheFooter() async throws {
        let host = try await FeedbackTests.host(withoutAccount: true)
        try await host.test { client in
            var visitor = Browser(client)
            let notice = try await visitor.get("/alpha/privacy")
            #expect(notice.status == .ok && notice.body.contains("09-08") && notice.body.contains("Commune Alpha"))
            #expect(!notice.body.contains("Nous écrire"), "no contact heading for a commune with no contact")
            #expect(try await visitor.get("/alpha/privacy?lang=ar").body.contains("09.08"))
            for path in ["/alpha/register", "/alpha/pages/about", "/alpha/"] {
                #expect(try await visitor.get(path).body.contains("href=\"/alpha/privacy\""), "\(path)")
            }
            try host.services.tenants.updateFooter("alpha", TenantFooter(privacy: "/pages/about"))
            #expect(try await visitor.get("/alpha/privacy").location == "/alpha/pages/about", "the notice the admins wrote, when they chose one")
        }
    }

    @Test func aVisitorWithoutAccountHearsOfTheAnswerOnlyAtAConfirmedAddress() async throws {
        let host = try await FeedbackTests.host(withoutAccount: true)
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = FeedbackTests.sameSite
            try await visitor.get("/alpha/pages/about")
            var fields = FeedbackTests.comment("Réparer la fontaine", kind: "suggestion", name: "Samira")
            fields.removeAll { $0.0 == "contact" }
            let refused = try await visitor.post("/alpha/feedback", fields + [("contact", "0612345678"), ("notify", "1")], csrf: "")
            #expect(refused.status == .unprocessableContent && refused.body.contains("adresse e-mail valable"))
            let sent = try await visitor.post("/alpha/feedback", fields + [("contact", "Samira@Example.org"), ("notify", "1")], csrf: "")
            let entry = try FeedbackTests.entryPath(sent)
            try await host.services.mail.deliverDue("alpha")
            let toSamira = { PasswordResetTests.outbox(host).filter { $0.headers["to"]?.contains("<samira@example.org>") == true } }
            let confirm = try #require(toSamira().first)
            #expect(confirm.subject.hasPrefix("Confirmez votre adresse"))
            let link = try #require(confirm.link(containing: "/notify/"))

            // not confirmed yet: the answer is not mailed
            try await FeedbackNotificationTests.answer(client, entry, reason: [("reason.fr", "La fontaine sera réparée en mars.")])
            try await host.services.mail.deliverDue("alpha")
            #expect(toSamira().count == 1)

            let path = String(link.dropFirst("http://127.0.0.1:8080".count))
            #expect(try await visitor.get(String(path.dropLast(2)) + "zz").status == .notFound, "a forged link")
            let confirmed = try await visitor.get(path)
            #expect(confirmed.location == entry + "?done=confirmed", "\(path) \(confirmed.status) \(confirmed.body.prefix(300))")
            try await FeedbackNotificationTests.answer(client, entry, reason: [("reason.fr", "Travaux prévus le 3 mars.")])
            try await host.services.mail.deliverDue("alpha")
            let answer = try #require(toSamira().last)
            #expect(toSamira().count == 2 && answer.text.contains("Travaux prévus le 3 mars.") && answer.headers["list-unsubscribe"] != nil)
            #expect(answer.link(containing: "/alpha/account") == nil, "no account, no preferences link")
        }
    }
}
