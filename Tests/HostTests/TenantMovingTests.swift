import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TestSupport
@testable import OpenCommune

/// A tenant frozen for a move to another host: every change is refused with 503 "nothing was saved"
/// and a short Retry-After, by the front door and by the database itself; reads go on; other
/// tenants are untouched; the fence row is the last thing written.
@Suite struct TenantMovingTests {
    @Test func aMovingTenantRefusesChangesServesReadsAndTakesChangesAgainAfter() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let fence = try host.freeze("alpha")

            let refused = try await citizen.post("/alpha/feedback", FeedbackTests.comment("Un avis pendant le déplacement"))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.body.contains("Rien n’a été enregistré") && refused.body.contains("déplacement"))
            #expect(refused.headers[.retryAfter] == "5")
            var arabic = Browser(client)
            arabic.headers[.acceptLanguage] = "ar"
            try await arabic.get("/alpha/login")
            let signIn = try await arabic.post("/alpha/login", [("email", "citizen@alpha.test"), ("password", TestHost.password)])
            #expect(signIn.status == .serviceUnavailable, "a session is a change too")
            #expect(signIn.body.contains("يجري نقل هذا الموقع"))
            for path in ["/alpha/", "/alpha/pages/about", "/alpha/feedback", "/alpha/dashboard", "/alpha-youth/"] {
                #expect(try await citizen.get(path).status == .ok, "\(path) still reads")
            }
            #expect(try await FeedbackTests.count(host) == 0)
            #expect(try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT token FROM handover_fence") } == [fence])

            var other = Browser(client)
            try await other.signIn("/beta", email: "admin@beta.test")
            #expect(try await other.get("/beta/admin").status == .ok, "another tenant takes changes")

            host.thaw("alpha")
            #expect(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Un avis après le déplacement")).status == .seeOther)
            #expect(try await FeedbackTests.count(host) == 1)
        }
    }

    @Test func theDatabaseItselfRefusesAWriteThatGetsPastTheFrontDoor() async throws {
        let host = try await FeedbackTests.host()
        try host.freeze("alpha")
        await #expect(throws: (any Error).self) {
            try await host.write("alpha") { db in try db.execute(sql: "INSERT INTO handover_fence (token, written_at) VALUES ('late', CURRENT_TIMESTAMP)") }
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM handover_fence") } == 1, "rolled back")
        try await host.write("beta") { db in try db.execute(sql: "INSERT INTO handover_fence (token, written_at) VALUES ('beta', CURRENT_TIMESTAMP)") }
    }

    @Test func itsRegistryEntryTakesNoChangeFromThePlatformConsole() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var platform = Browser(client)
            try await platform.signInPlatform()
            try await platform.get("/admin/tenants/alpha")
            try host.freeze("alpha")
            let refused = try await platform.post("/admin/tenants/alpha/modules", [])
            #expect(refused.status == .serviceUnavailable, "the new host takes the entry as it was when the move began")
            #expect(try await platform.get("/admin/tenants/alpha").body.contains("name=\"enabled\" value=\"pages\" checked"))
            try await platform.get("/admin/tenants/beta")
            #expect(try await platform.post("/admin/tenants/beta/modules", [("enabled", "pages")]).status == .seeOther)
        }
    }

    @Test func itsMailWaitsForItsNewHost() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var visitor = Browser(client)
            try await visitor.get("/alpha/password/forgot")
            #expect(try await visitor.post("/alpha/password/forgot", [("email", "citizen@alpha.test")]).status == .ok)
        }
        try host.freeze("alpha")
        host.services.mail.wake("alpha")
        let loop = Task { await host.services.mail.run() }
        try await Task.sleep(for: .milliseconds(700))
        loop.cancel()
        await loop.value
        #expect(PasswordResetTests.outbox(host).isEmpty, "sent from here, it would be sent again by the host that takes the outbox")
        host.thaw("alpha")
        #expect(try await host.services.mail.deliverDue("alpha") == 1)
    }

    @Test func readsThatRecordSomethingStillAnswerWhileItMoves() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/tokens")
            let made = try await editor.post("/alpha/admin/tokens", [("name", "Tableur du service"), ("scopes", "plans.edit")])
            let token = try #require(made.body.range(of: "oc_[A-Za-z0-9_-]{43}", options: .regularExpression).map { String(made.body[$0]) })
            // the token was a change: the search index is out of date, and a search would rebuild it
            try host.freeze("alpha")
            var api = Browser(client)
            api.headers[.authorization] = "Bearer \(token)"
            #expect(try await api.get("/alpha/api/v1/plans").status == .ok, "a token opens the API, its use unrecorded")
            let search = try await editor.get("/alpha/search?q=plan")
            #expect(search.status == .ok, "the index as last built")
            host.thaw("alpha")
            #expect(try await api.get("/alpha/api/v1/plans").status == .ok)
            #expect(try await host.read("alpha") { db in try Bool.fetchOne(db, sql: "SELECT last_used_at IS NOT NULL FROM api_token") } == true)
        }
    }

    @Test func underTheAPIARefusedChangeIsJSON() async throws {
        let host = try await FeedbackTests.host()
        try host.freeze("alpha")
        try await host.test { client in
            var api = Browser(client)
            api.headers[.acceptLanguage] = "en"
            let refused = try await api.post("/alpha/api/v1/plans/commitments/1/updates", [("note", "x")])
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.body.contains("\"code\":\"unavailable\"") && refused.body.contains("being moved"))
            #expect(refused.headers[.retryAfter] == "5")
        }
    }
}
