import CivicSDK
import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// A registered address is confirmed by a link sent to it; registering with a taken address tells
/// its owner and nobody else.
@Suite struct AccountConfirmationTests {
    static func register(_ browser: inout Browser, email: String, name: String = "Nadia") async throws -> Page {
        try await browser.get("/alpha/register")
        return try await browser.post("/alpha/register", [("name", name), ("email", email), ("password", "a long password here"),
                                                         ("password_confirm", "a long password here")])
    }

    @Test func aNewAccountConfirmsItsAddressByTheMailedLink() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            let registered = try await Self.register(&visitor, email: "nadia@example.org")
            #expect(registered.status == .ok && registered.body.contains("pour confirmer votre adresse"))
            try await host.services.mail.deliverDue("alpha")
            let mail = try #require(PasswordResetTests.outbox(host).first)
            #expect(mail.subject == "Confirmez votre adresse — Commune Alpha" && mail.headers["to"]?.contains("<nadia@example.org>") == true)
            let path = String(try #require(mail.link(containing: "/account/confirm/")).dropFirst("http://127.0.0.1:8080".count))

            try await visitor.signIn("/alpha", email: "nadia@example.org", password: "a long password here")
            let before = try await visitor.get("/alpha/account")
            #expect(before.body.contains("non confirmée") && before.body.contains("action=\"/alpha/account/confirm\""))
            let confirmed = try await visitor.get(path)
            #expect(confirmed.status == .seeOther && confirmed.location == "/alpha/account?done=confirmed")
            let after = try await visitor.get("/alpha/account")
            #expect(!after.body.contains("non confirmée"))
            #expect(try await visitor.get(path).status == .gone, "a link confirms once")
            #expect(try await visitor.get("/alpha/account/confirm/made-up").status == .gone)
        }
        #expect(try await host.read("alpha") { db in try Bool.fetchOne(db, sql: "SELECT confirmed_at IS NOT NULL FROM account WHERE email = 'nadia@example.org'") } == true)
        #expect(try await host.read("alpha") { db in try Bool.fetchOne(db, sql: "SELECT confirmed_at IS NOT NULL FROM account WHERE email = 'admin@alpha.test'") } == true,
                "accounts made by staff or the command line count as confirmed")
    }

    @Test func registeringWithATakenAddressTellsItsOwnerOnly() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var first = Browser(client), second = Browser(client)
            let taken = try await Self.register(&first, email: "citizen@alpha.test", name: "Intrus")
            let fresh = try await Self.register(&second, email: "someone@example.org")
            #expect(taken.status == fresh.status && taken.body.contains("pour confirmer votre adresse") && fresh.body.contains("pour confirmer votre adresse"),
                    "the same answer: nothing tells the address has an account")
        }
        try await host.services.mail.deliverDue("alpha")
        let mails = PasswordResetTests.outbox(host)
        #expect(mails.count == 2)
        let owner = try #require(mails.first { $0.headers["to"]?.contains("citizen@alpha.test") == true })
        #expect(owner.subject.hasPrefix("Tentative d’inscription avec votre adresse"))
        #expect(owner.link(containing: "/password/forgot") != nil, "with the way back in")
        #expect(!owner.text.contains("Intrus"), "the intruder's name is not passed on")
        #expect(try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT display_name FROM account WHERE email = 'citizen@alpha.test'") } == "Citizen")
    }

    @Test func aNewLinkCanBeAskedForUntilTheAddressIsConfirmed() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            _ = try await Self.register(&visitor, email: "nadia@example.org")
            try await visitor.signIn("/alpha", email: "nadia@example.org", password: "a long password here")
            try await visitor.get("/alpha/account")
            let sent = try await visitor.post("/alpha/account/confirm", [])
            #expect(sent.status == .seeOther && sent.location == "/alpha/account?done=link_sent")
            #expect(try await visitor.post("/alpha/account/confirm", [], csrf: "").status == .forbidden)
            var anonymous = Browser(client)
            try await anonymous.get("/alpha/login")
            #expect(try await anonymous.post("/alpha/account/confirm", []).status == .unauthorized)
        }
        try await host.services.mail.deliverDue("alpha")
        let links = PasswordResetTests.outbox(host).compactMap { $0.link(containing: "/account/confirm/") }
        #expect(links.count == 2)
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account_confirmation") } == 1,
                "the newer link replaces the older")
    }

    /// A tenant may ask accounts to confirm their address before they write.
    @Test func aTenantMayAskForAConfirmedAddressBeforeWriting() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/feedback")
            #expect(try await admin.post("/alpha/admin/feedback/settings", [("confirmed_only", "on")]).status == .seeOther)
            #expect(try await admin.get("/alpha/admin/feedback").body.contains("id=\"confirmed_only\" name=\"confirmed_only\" checked"))

            var visitor = Browser(client)
            _ = try await Self.register(&visitor, email: "nadia@example.org")
            try await visitor.signIn("/alpha", email: "nadia@example.org", password: "a long password here")
            try await visitor.get("/alpha/pages/about")
            let refused = try await visitor.post("/alpha/feedback", FeedbackTests.comment("Avant confirmation"))
            #expect(refused.status == .forbidden && refused.body.contains("Confirmez d’abord votre adresse"))
            #expect(refused.body.contains("Avant confirmation</textarea>"), "what was typed is kept")
            try await host.services.mail.deliverDue("alpha")
            let link = try #require(PasswordResetTests.outbox(host).compactMap { $0.link(containing: "/account/confirm/") }.first)
            _ = try await visitor.get(String(link.dropFirst("http://127.0.0.1:8080".count)))
            try await visitor.get("/alpha/pages/about")
            #expect(try await visitor.post("/alpha/feedback", FeedbackTests.comment("Après confirmation")).status == .seeOther)
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            #expect(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Compte confirmé")).status == .seeOther)
        }
    }
}
