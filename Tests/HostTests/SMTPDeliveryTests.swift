import CivicSDK
import Foundation
import Testing
@testable import TestSupport
@testable import OpenCommune

/// Mail through a real SMTP server on loopback (aiosmtpd), handed over by msmtp: what arrives, in
/// the visitor's language, and what happens when the relay is down.
@Suite struct SMTPDeliveryTests {
    static func settings(port: Int) -> MailSettings {
        var settings = MailSettings()
        settings.transport = .smtp
        settings.smtpHost = "127.0.0.1"
        settings.smtpPort = port
        settings.smtpStartTLS = false
        settings.from = "Plateforme <noreply@opencommune.test>"
        return settings
    }

    @Test func aResetMailArrivesInTheVisitorsLanguageWithAWorkingLink() async throws {
        let server = try await SMTPServer.start()
        let host = try await TestHost(mail: Self.settings(port: server.port))
        try await host.test { client in
            var visitor = Browser(client)
            try await visitor.get("/alpha/password/forgot?lang=ar")
            #expect(try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")]).status == .ok)
            #expect(try await host.services.mail.deliverDue("alpha") == 1)
            let received = try await server.waitFor(1)
            #expect(received.count == 1, "sent once")
            let mail = try #require(received.first)
            #expect(mail.headers["to"]?.contains("<citizen@alpha.test>") == true)
            #expect(mail.headers["from"]?.hasSuffix("<noreply@opencommune.test>") == true, "the configured sender")
            #expect(mail.subject.hasPrefix("اختيار كلمة مرور جديدة"), "in the language the visitor used")
            #expect(mail.html.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(mail.text.contains("مرحبا"))
            let link = try #require(mail.link(containing: "/password/reset/"))
            #expect(try await visitor.get(String(link.dropFirst("http://127.0.0.1:8080".count))).status == .ok, "the link opens the form")
            #expect(try await host.services.mail.deliverDue("alpha") == 0, "nothing is sent twice")
        }
        let log = try await host.read("alpha") { db in try Outbox.latest(db) }
        #expect(log.first?.status == .sent && log.first?.lastError == "accepted by 127.0.0.1:\(server.port)")
        // msmtp's configuration (the relay's password, when there is one) stays in the data directory, the server's user's alone
        let configuration = host.dataDirectory + "/.msmtprc"
        #expect(try FileManager.default.attributesOfItem(atPath: configuration)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: configuration, encoding: .utf8).contains("port \(server.port)\n"))
    }

    @Test func aRelayThatIsDownMeansRetryingLaterWithItsAnswerLogged() async throws {
        let closed = try ServerProcess.freePort()
        let host = try await TestHost(mail: Self.settings(port: closed))
        try await host.test { client in
            var visitor = Browser(client)
            try await visitor.get("/alpha/password/forgot")
            #expect(try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")]).status == .ok, "the visitor is not kept waiting")
        }
        #expect(try await host.services.mail.deliverDue("alpha") == 0)
        let log = try await host.read("alpha") { db in try Outbox.latest(db) }
        let entry = try #require(log.first)
        #expect(entry.status == .queued && entry.attempts == 1, "kept for a later attempt")
        #expect(entry.lastError?.isEmpty == false, "with what msmtp said")
        #expect(try await host.services.mail.deliverDue("alpha") == 0, "not tried again before its time")
        #expect(try await host.read("alpha") { db in try Outbox.latest(db) }.first?.attempts == 1)
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let page = try await admin.get("/alpha/admin/mail")
            #expect(page.status == .ok)
            #expect(page.body.contains("nouvel essai prévu") && page.body.contains("citizen@alpha.test") && page.body.contains("serveur SMTP"))
            #expect(page.body.contains("Connection refused") || page.body.contains("connect"), "the relay's failure, as msmtp said it")
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await editor.get("/alpha/admin/mail").status == .forbidden, "admins only")
            var stranger = Browser(client)
            try await stranger.signIn("/beta", email: "admin@beta.test")
            #expect(try await stranger.get("/alpha/admin/mail").status != .ok, "another tenant's admin sees nothing")
        }
    }
}
