import Foundation
import GRDB
import Testing
import TestSupport

/// A citizen finds the consultations they answered, with their receipts, on their account page.
@Suite struct AccountReceiptsTests {
    @Test func theAccountPageListsOnesConsultationReceipts() async throws {
        let host = try await ConsultationHTTPTests.host()
        try await host.write("alpha") { db in
            let account = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = 'citizen@alpha.test'") ?? 0
            try db.execute(sql: """
                INSERT INTO consultation_response (consultation_id, respondent, account_id, receipt, locale, submitted_at)
                VALUES (1, ?, ?, 'K7QM3XWT9PHD', 'fr', '2026-11-20 10:00:00.000')
                """, arguments: ["account:\(account)", account])
        }
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            let page = try await citizen.get("/alpha/account")
            #expect(page.body.contains("href=\"/alpha/consultations/1/receipt/K7QM-3XWT-9PHD\""))
            #expect(page.body.contains("<span class=\"iso\">K7QM-3XWT-9PHD</span>"))
            #expect(page.body.contains("20 novembre 2026 à 11:00"), "when, in the commune's time")
            #expect(try await citizen.get("/alpha/consultations/1/receipt/K7QM-3XWT-9PHD").status == .ok, "the link opens the receipt")
            var other = Browser(client)
            try await other.signIn("/alpha", email: "editor@alpha.test")
            #expect(!(try await other.get("/alpha/account").body.contains("K7QM-3XWT-9PHD")), "nobody else's")
        }
    }
}
