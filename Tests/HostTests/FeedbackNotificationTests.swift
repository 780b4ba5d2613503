import CivicSDK
import Foundation
import GRDB
import HummingbirdTesting
import Testing
@testable import TestSupport
@testable import OpenCommune

/// The author of a suggestion hears back by mail: the answer, or why it was hidden; in the language
/// it was written in; with one-click unsubscribe; never to an unconfirmed address.
@Suite struct FeedbackNotificationTests {
    static func suggestion(_ client: any TestClientProtocol, body: String) async throws -> String {
        var citizen = Browser(client)
        try await citizen.signIn("/alpha", email: "citizen@alpha.test")
        try await citizen.get("/alpha/pages/about")
        return try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment(body, kind: "suggestion")))
    }

    /// The mail sent to the citizen who wrote (staff get theirs too).
    static func toAuthor(_ host: TestHost) -> [ReceivedMail] {
        PasswordResetTests.outbox(host).filter { $0.headers["to"]?.contains("<citizen@alpha.test>") == true }
    }

    static func answer(_ client: any TestClientProtocol, _ path: String, reason: [(String, String)]) async throws {
        var editor = Browser(client)
        try await editor.signIn("/alpha", email: "editor@alpha.test")
        try await editor.get(path)
        #expect(try await editor.post("\(path)/respond", [("outcome", "adopted"), ("incomplete_ok", "1")] + reason).status == .seeOther)
    }

    @Test func theAuthorIsToldOfTheAnswerInTheLanguageTheyWroteIn() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let path = try await Self.suggestion(client, body: "أقترح نشر مواقيت المكتبة")
            try await Self.answer(client, path, reason: [("reason.fr", "Les horaires sont en ligne."), ("reason.ar", "المواقيت منشورة الآن.")])
        }
        try await host.services.mail.deliverDue("alpha")
        let mail = try #require(Self.toAuthor(host).first)
        #expect(mail.subject.hasPrefix("ردت الجماعة على مساهمتكم"), "Arabic: the suggestion was written in Arabic")
        #expect(mail.text.contains("المواقيت منشورة الآن.") && mail.text.contains("أقترح نشر مواقيت المكتبة"), "the answer, and what was written")
        #expect(mail.html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        let unsubscribe = try #require(mail.headers["list-unsubscribe"])
        #expect(unsubscribe.hasPrefix("<http://127.0.0.1:8080/alpha/mail/unsubscribe/"))
        #expect(mail.headers["list-unsubscribe-post"] == "List-Unsubscribe=One-Click")
        #expect(mail.link(containing: "/alpha/account") != nil, "and the way to the preferences")
    }

    @Test func oneClickUnsubscribeStopsTheMessages() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let path = try await Self.suggestion(client, body: "Publier les horaires")
            try await Self.answer(client, path, reason: [("reason.fr", "Oui.")])
            try await host.services.mail.deliverDue("alpha")
            let header = try #require(Self.toAuthor(host).first?.headers["list-unsubscribe"])
            let url = String(header.dropFirst().dropLast())
            let target = String(url.dropFirst("http://127.0.0.1:8080".count))

            // what a mail program sends: no cookie, no form token
            var mailer = Browser(client)
            let page = try await mailer.get(target)
            #expect(page.status == .ok && page.body.contains("method=\"post\""), "a GET (a link scanner) changes nothing")
            let done = try await mailer.post(target, [("List-Unsubscribe", "One-Click")], csrf: "")
            #expect(done.status == .ok && done.body.contains("vous ne recevrez plus ces messages"))
            let forged = String(target.dropLast(3)) + "abc"
            #expect(try await mailer.post(forged, [("List-Unsubscribe", "One-Click")], csrf: "").status == .notFound)
            #expect(try await mailer.post("/beta/mail/unsubscribe/" + target.components(separatedBy: "/").last!, [], csrf: "").status == .notFound,
                    "a link signed for one tenant does nothing in another")

            try await Self.answer(client, path, reason: [("reason.fr", "Oui, c’est fait.")])
            #expect(try await host.services.mail.deliverDue("alpha") == 0, "no more mail once unsubscribed")

            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            let account = try await citizen.get("/alpha/account")
            #expect(account.body.contains("name=\"mail_feedback_updates\">") && account.body.contains("<option value=\"never\" selected>"),
                    "the account page shows it off")
            #expect(try await citizen.post("/alpha/account/mail", [("mail_feedback_updates", "immediate"), ("mail_follows", "immediate")]).status == .seeOther)
            #expect(try await citizen.post("/alpha/account/mail", [("mail_feedback_updates", "sometimes"), ("mail_follows", "immediate")]).status == .badRequest,
                    "a mode that does not exist is refused")
            try await Self.answer(client, path, reason: [("reason.fr", "Encore une précision.")])
            #expect(try await host.services.mail.deliverDue("alpha") == 1, "on again from the account page")
        }
    }

    @Test func hidingTellsWhyAndUnconfirmedAddressesGetNothing() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let path = try await Self.suggestion(client, body: "Texte à masquer")
            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            try await moderator.get(path)
            #expect(try await moderator.post("\(path)/hide", [("reason", "Propos injurieux")]).status == .seeOther)
            try await host.services.mail.deliverDue("alpha")
            let mail = try #require(Self.toAuthor(host).first)
            #expect(mail.subject.hasPrefix("Votre contribution a été masquée") && mail.text.contains("Propos injurieux"))

            try await host.write("alpha") { db in try db.execute(sql: "UPDATE account SET confirmed_at = NULL WHERE email = 'citizen@alpha.test'") }
            let other = try await Self.suggestion(client, body: "Autre suggestion")
            try await Self.answer(client, other, reason: [("reason.fr", "Réponse.")])
            let before = Self.toAuthor(host).count
            try await host.services.mail.deliverDue("alpha")
            #expect(Self.toAuthor(host).count == before, "an unconfirmed address gets no notification")
        }
    }

    /// The author finds their own contributions again on their account page, with where each stands.
    @Test func theAccountPageListsOnesOwnContributionsWithTheirState() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let answered = try await Self.suggestion(client, body: "Publier les horaires")
            _ = try await Self.suggestion(client, body: "Ajouter un plan d’accès")
            try await Self.answer(client, answered, reason: [("reason.fr", "Oui.")])
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            let page = try await citizen.get("/alpha/account")
            #expect(page.body.contains("Mes commentaires et suggestions"))
            #expect(page.body.contains("href=\"\(answered)\""))
            #expect(page.body.contains("badge-adopted") && page.body.contains("badge-waiting"), "one answered, one waiting")
            #expect(page.body.contains("Ajouter un plan d’accès"))
            var other = Browser(client)
            try await other.signIn("/alpha", email: "editor@alpha.test")
            #expect(!(try await other.get("/alpha/account").body.contains("Ajouter un plan d’accès")), "nobody else's")
        }
    }

    /// Staff hear of a new suggestion (those who answer) and of a first flag (moderators), each with
    /// its own opt-out; the author and citizens do not.
    @Test func staffHearOfNewSuggestionsAndFlags() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            let path = try await Self.suggestion(client, body: "Ouvrir la bibliothèque le samedi")
            try await host.services.mail.deliverDue("alpha")
            let first = PasswordResetTests.outbox(host)
            let told = Set(first.compactMap { $0.headers["to"] }.map { $0.components(separatedBy: "<").last ?? "" })
            #expect(told.contains("admin@alpha.test>") && told.contains("editor@alpha.test>"), "those who may answer: \(told)")
            #expect(!told.contains("citizen@alpha.test>"), "not the author")
            let mail = try #require(first.first { $0.headers["to"]?.contains("editor@alpha.test") == true })
            #expect(mail.subject.hasPrefix("Nouvelle suggestion à traiter") && mail.text.contains("Ouvrir la bibliothèque le samedi"))
            #expect(mail.headers["list-unsubscribe"] != nil)

            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let account = try await editor.get("/alpha/account")
            #expect(account.body.contains("name=\"mail_staff_suggestions\"><option value=\"immediate\" selected>"))
            #expect(try await editor.post("/alpha/account/mail", [("mail_feedback_updates", "immediate"), ("mail_follows", "immediate"),
                                                                 ("mail_staff_suggestions", "never"), ("mail_staff_flags", "never")]).status == .seeOther,
                    "the editor turns staff mail off")
            _ = try await Self.suggestion(client, body: "Deuxième suggestion")
            let before = PasswordResetTests.outbox(host).count
            try await host.services.mail.deliverDue("alpha")
            let second = PasswordResetTests.outbox(host).dropFirst(before)
            #expect(!second.contains { $0.headers["to"]?.contains("editor@alpha.test") == true }, "no longer the editor")

            var reader = Browser(client)
            try await reader.signIn("/alpha", email: "citizen@alpha.test")
            try await reader.get(path)
            #expect(try await reader.post("\(path)/flag", [("reason", "Hors sujet")]).status == .seeOther)
            let count = PasswordResetTests.outbox(host).count
            try await host.services.mail.deliverDue("alpha")
            let flags = PasswordResetTests.outbox(host).dropFirst(count)
            #expect(flags.contains { $0.headers["to"]?.contains("moderator@alpha.test") == true && $0.subject.hasPrefix("Contribution signalée") && $0.text.contains("Hors sujet") })
            #expect(!flags.contains { $0.headers["to"]?.contains("editor@alpha.test") == true }, "editors do not moderate")
        }
    }
}
