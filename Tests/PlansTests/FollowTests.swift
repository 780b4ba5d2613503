import Foundation
import GRDB
import HummingbirdTesting
import Testing
@testable import TestSupport
@testable import OpenCommune

/// Following a commitment or the whole plan: the news of a change reaches its followers after the
/// editor's answer, at once or in a digest grouped by item, in the follower's language, only what
/// the public can see, never twice.
@Suite struct FollowTests {
    static func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        return host
    }

    static func outbox(_ host: TestHost) -> [ReceivedMail] { ReceivedMail.all(in: host.dataDirectory + "/alpha/outbox") }

    static func toCitizen(_ host: TestHost) -> [ReceivedMail] {
        outbox(host).filter { $0.headers["to"]?.contains("<citizen@alpha.test>") == true }
    }

    static func follow(_ browser: inout Browser, _ page: String, subject: String, stop: Bool = false) async throws -> Page {
        try await browser.get(page)
        return try await browser.post("/alpha/account/follow", [("subject", subject), ("do", stop ? "unfollow" : "follow")])
    }

    static func progress(_ client: any TestClientProtocol, _ host: TestHost, number: Int = 2, text: String, progress: String = "60") async throws {
        var editor = Browser(client)
        try await editor.signIn("/alpha", email: "editor@alpha.test")
        let id = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = ?", arguments: [number]) })
        try await editor.get("/alpha/admin/plans/commitments/\(id)")
        let saved = try await editor.post("/alpha/admin/plans/commitments/\(id)/updates",
                                          [("date", "2026-11-20"), ("text.fr", text), ("text.ar", "تحديث: \(text)"), ("new_progress", progress)])
        #expect(saved.status == .seeOther)
    }

    /// The citizen signed in, following the whole plan, hearing of it in `digest` ("daily", "weekly").
    static func citizenFollowingThePlan(_ client: any TestClientProtocol, digest: String) async throws -> Browser {
        var citizen = Browser(client)
        try await citizen.signIn("/alpha", email: "citizen@alpha.test")
        #expect(try await follow(&citizen, "/alpha/plans", subject: "plans:plan:current").status == .seeOther)
        try await citizen.get("/alpha/account")
        #expect(try await citizen.post("/alpha/account/mail", [("mail_feedback_updates", "immediate"), ("mail_follows", digest)]).status == .seeOther)
        return citizen
    }

    /// Queues the digests due at `date`, as the mail worker does; returns how many.
    static func queueDigests(_ host: TestHost, at date: Date) async throws -> Int {
        let fanout = FollowFanout(renderer: host.services.renderer, senders: host.services.senders, links: host.services.unsubscribe,
                                  dated: DatedNews(renderer: host.services.renderer, modules: { _ in [] }))
        let tenant = try #require(host.services.registry.entry("alpha")?.tenant)
        return try await host.services.database("alpha").write(.nothingPublic) { db in
            try fanout.queueDigests(db, tenant: tenant, base: "http://127.0.0.1:8080/alpha", now: date)
        }
    }

    /// A second published commitment, number 3.
    static func addCommitment(_ client: any TestClientProtocol, _ host: TestHost) async throws {
        var editor = Browser(client)
        try await editor.signIn("/alpha", email: "editor@alpha.test")
        try await editor.get("/alpha/admin/plans/commitments/new")
        #expect(try await editor.post("/alpha/admin/plans/commitments", [("number", "3"), ("title.fr", "Budget ouvert"), ("principles", "transparency"),
                                                                         ("lead_services.fr", "Finances"), ("status", "in_progress"), ("completion", "limited"),
                                                                         ("position", "3")]).status == .seeOther)
        let id = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 3") })
        try await editor.get("/alpha/admin/plans")
        #expect(try await editor.post("/alpha/admin/plans/commitments/\(id)/publish", []).status == .seeOther)
    }

    @Test func aFollowerHearsOfAProgressUpdateAtOnceInTheirLanguage() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            let before = try await citizen.get("/alpha/plans/2")
            #expect(before.body.contains("name=\"subject\" value=\"plans:commitment:2\"") && before.body.contains(">Suivre</button>"))
            try await citizen.get("/alpha/plans/2?lang=ar")
            let followed = try await citizen.post("/alpha/account/follow", [("subject", "plans:commitment:2"), ("do", "follow")])
            #expect(followed.status == .seeOther && followed.headers[.location] == "/alpha/plans/2?done=followed")
            #expect(try await citizen.get("/alpha/plans/2").body.contains("value=\"unfollow\""), "the button now stops following")

            try await Self.progress(client, host, text: "Le portail est en ligne")
            try await host.services.mail.deliverDue("alpha")
            let mails = Self.toCitizen(host)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.html.contains("<html lang=\"ar\" dir=\"rtl\">"), "in the language the citizen followed in")
            #expect(mail.text.contains("تحديث: Le portail est en ligne") && mail.subject.contains("تقدّم جديد"))
            #expect(mail.link(containing: "/alpha/plans/2") != nil)
            #expect(mail.headers["list-unsubscribe"]?.contains("/alpha/mail/unsubscribe/") == true)
            #expect(try await host.services.mail.deliverDue("alpha") == 0, "told once")
        }
    }

    @Test func followingThePlanCoversItsCommitmentsAndADraftSaysNothing() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await Self.follow(&citizen, "/alpha/plans", subject: "plans:plan:current").status == .seeOther)
            try await Self.progress(client, host, text: "Première réunion tenue")
            try await host.services.mail.deliverDue("alpha")
            #expect(Self.toCitizen(host).count == 1 && Self.toCitizen(host)[0].text.contains("Première réunion tenue"))

            // a commitment the public cannot see tells nobody
            try await host.write("alpha") { db in try db.execute(sql: "UPDATE commitment SET published = 0 WHERE number = 2") }
            try await Self.progress(client, host, text: "Brouillon interne")
            try await host.services.mail.deliverDue("alpha")
            #expect(!Self.toCitizen(host).contains { $0.text.contains("Brouillon interne") })
        }
    }

    @Test func onlyWhatCanBeFollowedIsFollowedAndOnlyBySomeoneSignedIn() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/plans/2")
            #expect(page.body.contains("Se connecter pour suivre") && !page.body.contains("name=\"subject\""))
            let refused = try await visitor.post("/alpha/account/follow", [("subject", "plans:commitment:2")]).status
            #expect(refused == .unauthorized || refused == .forbidden, "\(refused)")
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/plans")
            for subject in ["plans:commitment:99", "plans:activity:1", "reports:archive:all", "plans:commitment", "nothing"] {
                #expect(try await citizen.post("/alpha/account/follow", [("subject", subject)]).status == .notFound, "\(subject)")
            }
            #expect(try await citizen.post("/alpha/account/follow", [("subject", "plans:commitment:2")], csrf: "").status == .forbidden)
            var other = Browser(client)
            try await other.signIn("/beta", email: "admin@beta.test")
            try await other.get("/beta")
            #expect(try await other.post("/beta/account/follow", [("subject", "plans:commitment:2")]).status == .notFound,
                    "beta does not run the plans module: nothing of alpha's is followed from it")
        }
    }

    @Test func aDailyDigestGroupsByItemIsNotSentEmptyAndCoversThePeriodSinceTheLastOne() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = try await Self.citizenFollowingThePlan(client, digest: "daily")
            #expect(try await citizen.get("/alpha/account").body.contains("<option value=\"daily\" selected>"))
            try await Self.addCommitment(client, host)
            try await Self.progress(client, host, number: 3, text: "Réunion un")
            try await Self.progress(client, host, number: 2, text: "Portail deux")
            try await Self.progress(client, host, number: 3, text: "Réunion trois")
            try await host.services.mail.deliverDue("alpha")
            #expect(Self.toCitizen(host).isEmpty, "nothing at once: it waits for the digest")

            // a day later the digest is due: one mail, grouped by commitment
            let later = Date().addingTimeInterval(86_400 + 60)
            #expect(try await Self.queueDigests(host, at: later) == 1)
            try await host.services.mail.deliverDue("alpha", now: later)
            let digest = try #require(Self.toCitizen(host).first)
            #expect(digest.subject.hasPrefix("Votre résumé du jour"))
            let text = digest.text
            let one = try #require(text.range(of: "Réunion un")), three = try #require(text.range(of: "Réunion trois")), two = try #require(text.range(of: "Portail deux"))
            #expect(one.upperBound < three.lowerBound && three.upperBound < two.lowerBound, "the lines of one commitment stand together")
            #expect(digest.headers["list-unsubscribe"] != nil)

            #expect(try await Self.queueDigests(host, at: later.addingTimeInterval(86_400 * 3)) == 0, "nothing new: no digest")
            try await Self.progress(client, host, number: 2, text: "Portail quatre")
            try await host.services.mail.deliverDue("alpha")
            #expect(try await Self.queueDigests(host, at: later.addingTimeInterval(3_600)) == 0, "a day has not passed since the last one")
            #expect(try await Self.queueDigests(host, at: later.addingTimeInterval(86_400 + 60)) == 1)
        }
    }

    @Test func aFailedDigestGivesItsLinesToTheNextOne() async throws {
        let host = try await Self.host()
        try await host.test { client in
            _ = try await Self.citizenFollowingThePlan(client, digest: "weekly")
            try await Self.progress(client, host, text: "Réunion perdue")
            try await host.services.mail.deliverDue("alpha")
        }
        let later = Date().addingTimeInterval(7 * 86_400 + 60)
        #expect(try await Self.queueDigests(host, at: later) == 1)
        try await host.write("alpha") { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM outbox WHERE kind = 'digest'"))
            for _ in 0..<Outbox.maxAttempts { try Outbox.markFailedAttempt(db, id: id, error: "550 mailbox unavailable", now: later) }
            #expect(try String.fetchOne(db, sql: "SELECT status FROM outbox WHERE id = ?", arguments: [id]) == "failed")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM digest_item WHERE outbox_id IS NULL") == 1, "its line waits again")
        }
        #expect(try await Self.queueDigests(host, at: later.addingTimeInterval(7 * 86_400 + 60)) == 1, "and goes in the next digest")
        let message = try #require(try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT message FROM outbox WHERE kind = 'digest' ORDER BY id DESC") })
        #expect(message.contains("Subject: =?UTF-8?B?"), "a whole message")
    }

    @Test func anActivityThatBecameOverdueIsNewsOnceWithNoWriteToRecordIt() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await Self.follow(&citizen, "/alpha/plans/2", subject: "plans:commitment:2").status == .seeOther)
        }
        try await host.services.mail.deliverDue("alpha")
        #expect(Self.toCitizen(host).isEmpty, "the first look only starts the clock")
        let overdue = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(-40 * 86_400)).prefix(7))
        try await host.write("alpha") { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT a.id FROM activity a JOIN commitment c ON c.id = a.commitment_id WHERE c.number = 2 LIMIT 1"))
            try db.execute(sql: "UPDATE activity SET planned_end = ?, progress = 10, status = 'in_progress' WHERE id = ?", arguments: [overdue, id])
            try db.execute(sql: "UPDATE core_setting SET value = ? WHERE key = 'follow.dated_until'",
                           arguments: [String(Date().addingTimeInterval(-70 * 86_400).timeIntervalSince1970)])
        }
        try await host.services.mail.deliverDue("alpha")
        let mails = Self.toCitizen(host)
        #expect(mails.count == 1 && mails.first?.text.contains("Activité en retard") == true, "\(mails.map(\.subject))")
        try await host.services.mail.deliverDue("alpha", now: Date().addingTimeInterval(DatedNews.interval + 1))
        #expect(Self.toCitizen(host).count == 1, "the same period is not asked about twice")
    }

    @Test func aFollowersDigestAndItsOneClickUnsubscribeWorkOverSMTP() async throws {
        let server = try await SMTPServer.start()
        var settings = MailSettings()
        settings.transport = .smtp
        settings.smtpHost = "127.0.0.1"
        settings.smtpPort = server.port
        settings.smtpStartTLS = false
        let host = try await TestHost(mail: settings)
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await Self.follow(&citizen, "/alpha/plans/2?lang=ar", subject: "plans:commitment:2").status == .seeOther)
            try await citizen.get("/alpha/account")
            #expect(try await citizen.post("/alpha/account/mail", [("mail_feedback_updates", "immediate"), ("mail_follows", "weekly")]).status == .seeOther)
            try await Self.progress(client, host, text: "Le portail est en ligne")
            try await Self.progress(client, host, text: "Les données sont publiées")
            #expect(try await host.services.mail.deliverDue("alpha") == 0, "the lines wait for the week's digest")
            let week = Date().addingTimeInterval(7 * 86_400 + 60)
            #expect(try await Self.queueDigests(host, at: week) == 1)
            #expect(try await host.services.mail.deliverDue("alpha", now: week) == 1)
            let digest = try #require(try await server.waitFor(1).first)
            #expect(digest.subject.hasPrefix("ملخصك الأسبوعي") && digest.html.contains("dir=\"rtl\""), "in the language the citizen followed in")
            #expect(digest.text.contains("تحديث: Le portail est en ligne") && digest.text.contains("تحديث: Les données sont publiées"))
            let commitment = try #require(digest.link(containing: "/alpha/plans/2"))
            #expect(try await citizen.get(String(commitment.dropFirst("http://127.0.0.1:8080".count))).status == .ok)
            let header = try #require(digest.headers["list-unsubscribe"])
            var mailer = Browser(client)
            #expect(try await mailer.post(String(header.dropFirst("<http://127.0.0.1:8080".count).dropLast()), [("List-Unsubscribe", "One-Click")], csrf: "").status == .ok)
            #expect(try await host.read("alpha") { db in try MailPreferences.mode(db, accountID: 4, kind: .follows) } == .never,
                    "the digest's link stops what it carried")
        }
    }
}
