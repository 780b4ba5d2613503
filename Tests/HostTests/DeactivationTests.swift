import CivicSDK
import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// An admin deactivates an account: kept for history, it cannot sign in, its sessions and access
/// tokens stop, and no reset link is sent for it; reactivated, it signs in again.
@Suite struct DeactivationTests {
    @Test func aDeactivatedAccountCannotGetIn() async throws {
        let host = try await TestHost()
        let citizenID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = 'citizen@alpha.test'") } ?? 0
        let adminID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = 'admin@alpha.test'") } ?? 0
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let users = try await admin.get("/alpha/admin/users")
            #expect(users.body.contains("action=\"/alpha/admin/users/\(citizenID)/active\""))
            #expect(!users.body.contains("action=\"/alpha/admin/users/\(adminID)/active\""), "not one's own")
            #expect(try await admin.post("/alpha/admin/users/\(adminID)/active", [("active", "0")]).status == .badRequest)
            #expect(try await admin.post("/alpha/admin/users/\(citizenID)/active", [("active", "0")]).status == .seeOther)

            #expect(try await citizen.get("/alpha/account").status == .seeOther, "the open session stopped")
            var again = Browser(client)
            await #expect(throws: Browser.SignInFailed.self) { try await again.signIn("/alpha", email: "citizen@alpha.test") }
            try await again.get("/alpha/password/forgot")
            #expect(try await again.post("/alpha/password/forgot", [("email", "citizen@alpha.test")]).status == .ok)
            #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") } == 0, "no way back in by mail")
            #expect(try await admin.get("/alpha/admin/users").body.contains("désactivé"))

            #expect(try await admin.post("/alpha/admin/users/\(citizenID)/active", [("active", "1")]).status == .seeOther)
            try await again.signIn("/alpha", email: "citizen@alpha.test")
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await editor.post("/alpha/admin/users/\(citizenID)/active", [("active", "0")]).status == .forbidden)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action IN ('deactivate', 'reactivate')") } == 2)
    }
}
