import CivicSDK
import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// "Forgot your password?" end to end with the folder transport: the mail, the link that works once
/// and for an hour, the same answer for unknown addresses, limits, and closed sessions.
@Suite struct PasswordResetTests {
    static func outbox(_ host: TestHost) -> [ReceivedMail] {
        ReceivedMail.all(in: host.dataDirectory + "/alpha/outbox")
    }

    @Test func aLinkByMailSetsANewPasswordOnce() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var elsewhere = Browser(client)
            try await elsewhere.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await elsewhere.get("/alpha/account").status == .ok)

            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/login").body.contains("href=\"/alpha/password/forgot\""))
            try await visitor.get("/alpha/password/forgot")
            let known = try await visitor.post("/alpha/password/forgot", [("email", "Citizen@Alpha.test ")])
            let unknown = try await visitor.post("/alpha/password/forgot", [("email", "nobody@alpha.test")])
            #expect(known.status == .ok && unknown.status == .ok)
            #expect(known.body == unknown.body, "nothing tells whether the address has an account")
            #expect(known.body.contains("un lien vient d’y être envoyé"))

            #expect(try await host.services.mail.deliverDue("alpha") == 1, "one mail, for the known address only")
            let mail = try #require(Self.outbox(host).first)
            #expect(mail.headers["to"]?.contains("<citizen@alpha.test>") == true)
            #expect(mail.subject == "Choisir un nouveau mot de passe — Commune Alpha")
            #expect(mail.headers["message-id"]?.hasPrefix("<") == true)
            #expect(mail.html.contains("<html lang=\"fr\" dir=\"ltr\">"))
            let link = try #require(mail.link(containing: "/password/reset/"))
            #expect(link.hasPrefix("http://127.0.0.1:8080/alpha/password/reset/"), "an absolute link from the configured address")
            #expect(mail.html.contains(link), "the HTML part has the same link")
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))

            #expect(try await visitor.get(path).status == .ok)
            #expect(try await visitor.post(path, [("password", "a new long password"), ("password_confirm", "different")]).status == .badRequest)
            let done = try await visitor.post(path, [("password", "a new long password"), ("password_confirm", "a new long password")])
            #expect(done.status == .seeOther && done.location == "/alpha/login?done=password_changed")
            #expect(try await elsewhere.get("/alpha/account").status == .seeOther, "the other session was closed")
            #expect(try await visitor.get(path).status == .gone, "the link works once")
            #expect(try await visitor.post(path, [("password", "another long password"), ("password_confirm", "another long password")]).status == .gone)

            var again = Browser(client)
            try await again.signIn("/alpha", email: "citizen@alpha.test", password: "a new long password")
            var old = Browser(client)
            await #expect(throws: Browser.SignInFailed.self) { try await old.signIn("/alpha", email: "citizen@alpha.test") }
        }
        let log = try await host.read("alpha") { db in try Outbox.latest(db) }
        #expect(log.map(\.status) == [.sent] && log.first?.lastError?.hasSuffix("/alpha/outbox/1.eml") == true, "the log says where it went")
        #expect(try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT token_hash FROM password_reset") }.allSatisfy { $0.count == 64 },
                "only a hash of the token is kept")
    }

    @Test func anExpiredOrUnknownLinkOpensNothing() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            try await visitor.get("/alpha/password/forgot")
            _ = try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")])
            try await host.services.mail.deliverDue("alpha")
            let link = try #require(Self.outbox(host).first?.link(containing: "/password/reset/"))
            try await host.write("alpha") { db in try db.execute(sql: "UPDATE password_reset SET expires_at = datetime('now', '-1 minute')") }
            let expired = try await visitor.get(String(link.dropFirst("http://127.0.0.1:8080".count)))
            #expect(expired.status == .gone && expired.body.contains("href=\"/alpha/password/forgot\""))
            #expect(try await visitor.get("/alpha/password/reset/made-up-token").status == .gone)
            #expect(try await visitor.post("/alpha/password/forgot", [("email", "not an address")]).status == .badRequest)
            #expect(try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")], csrf: "").status == .forbidden)
        }
    }

    @Test func requestsAreLimitedPerAddressAndPerMail() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            try await visitor.get("/alpha/password/forgot")
            for _ in 1...5 { #expect(try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")]).status == .ok) }
            let limited = try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")])
            #expect(limited.status == .tooManyRequests && limited.body.contains("Trop de demandes"))
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") } == 5)
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM password_reset") } == 1,
                "a newer link replaces the older ones")
    }
}

/// A tenant's mail comes from its own address once its admins set one, else from the platform's.
@Suite struct TenantSenderTests {
    @Test func aTenantsMailComesFromTheAddressItsAdminsSet() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let fields = [("name.fr", "Commune Alpha"), ("locales", "fr"), ("locales", "ar"), ("default_locale", "fr"), ("accent", "#0b5cad")]
            let refused = try await admin.post("/alpha/admin/settings", fields + [("mail_from", "not an address")])
            #expect(refused.status == .badRequest && refused.body.contains("n’est pas une adresse e-mail") && refused.body.contains("value=\"not an address\""))
            #expect(try await admin.post("/alpha/admin/settings", fields + [("mail_from", "Contact@Alpha.example")]).status == .seeOther)
            #expect(try await admin.get("/alpha/admin/settings").body.contains("value=\"contact@alpha.example\""))

            for slug in ["alpha", "beta"] {
                var visitor = Browser(client)
                try await visitor.get("/\(slug)/password/forgot")
                try await visitor.post("/\(slug)/password/forgot", [("email", slug == "alpha" ? "citizen@alpha.test" : "admin@beta.test")])
            }
        }
        try await host.services.mail.deliverDue("alpha")
        try await host.services.mail.deliverDue("beta")
        let alpha = try #require(PasswordResetTests.outbox(host).last)
        #expect(alpha.headers["from"]?.hasSuffix("<contact@alpha.example>") == true, "\(alpha.headers["from"] ?? "")")
        let beta = try #require(ReceivedMail.all(in: host.dataDirectory + "/beta/outbox").last)
        #expect(beta.headers["from"]?.hasSuffix("<noreply@localhost>") == true, "another tenant keeps the platform's sender")
    }
}
