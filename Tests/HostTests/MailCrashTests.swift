import CivicSDK
import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// The outbox across a crash: `kill -9` of the server while 1,000 notifications are queued for a real
/// SMTP server; after the restart every one arrives, none twice (counted at the SMTP server).
@Suite(.serialized) struct MailCrashTests {
    @Test func aServerKilledWhileSendingDeliversEveryMailOnceAfterItsRestart() async throws {
        let smtp = try await SMTPServer.start(holdingAfter: 250)
        let server = try ServerProcess(extra: """
            [mail]
            transport = "smtp"
            smtp_host = "127.0.0.1"
            smtp_port = \(smtp.port)
            smtp_starttls = false
            from = "noreply@alpha.test"
            """)
        #expect(try await server.command(["tenant", "create", "alpha", "--name", "Commune Alpha"]).status == 0)
        let total = 1_000
        let database = try DatabaseQueue(path: server.dataDirectory + "/alpha/tenant.sqlite")
        try await database.write { db in
            for index in 1...total {
                let mail = MailMessage(from: "Commune Alpha <noreply@alpha.test>", to: "Citizen \(index) <citizen\(index)@alpha.test>",
                                       subject: "Notification \(index)", text: "Texte \(index)", html: "<p>Texte \(index)</p>", host: "alpha.test")
                try Outbox.enqueue(db, mail, kind: "follow")
            }
        }
        try await database.close()

        try await server.start()
        let deadline = Date().addingTimeInterval(120)
        // the relay holds every mail after the first quarter: the server is killed with deliveries
        // certainly in flight, however late this test sees the count
        while smtp.count < total / 4 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        await server.crash()
        let atCrash = smtp.count
        smtp.releaseHeld()
        #expect(atCrash > 0 && atCrash < total, "killed while sending: \(atCrash) of \(total) had arrived")

        try await server.start()
        while smtp.count < total && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        // time for a duplicate to show, were one sent
        try await Task.sleep(for: .seconds(1))
        await server.stop()
        let received = smtp.messages()
        let ids = received.compactMap { $0.headers["message-id"] }
        #expect(received.count == total, "every mail arrived once: \(received.count) received for \(total)")
        #expect(Set(ids).count == total && ids.count == total, "no Message-ID twice")
        let stored = try DatabaseQueue(path: server.dataDirectory + "/alpha/tenant.sqlite")
        let sent = try await stored.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") }
        #expect(sent == total)
    }
}
