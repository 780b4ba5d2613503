import CivicSDK
import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// A tenant admin invites a colleague by mail with a role; the invitee chooses a password through
/// the link, which also confirms the address.
@Suite struct InvitationTests {
    @Test func anInviteeChoosesAPasswordAndHasTheRole() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let page = try await admin.get("/alpha/admin/users")
            #expect(page.body.contains("action=\"/alpha/admin/users/invite\""))
            let sent = try await admin.post("/alpha/admin/users/invite", [("email", "Salma@Example.org"), ("name", "Salma"), ("role", "editor"),
                                                                          ("editor_module", "pages")])
            #expect(sent.status == .seeOther && sent.location == "/alpha/admin/users?done=invited")
            try await host.services.mail.deliverDue("alpha")
            let mail = try #require(PasswordResetTests.outbox(host).first)
            #expect(mail.headers["to"]?.contains("<salma@example.org>") == true && mail.subject.hasPrefix("Vous êtes invité·e"))
            #expect(mail.text.contains("Admin vous invite sur le site de Commune Alpha, avec le rôle\u{00A0}: "), "who invites, where, as what")
            let path = String(try #require(mail.link(containing: "/password/reset/")).dropFirst("http://127.0.0.1:8080".count))

            var invitee = Browser(client)
            await #expect(throws: Browser.SignInFailed.self, "no password works before one is chosen") {
                try await invitee.signIn("/alpha", email: "salma@example.org", password: "")
            }
            try await invitee.get(path)
            #expect(try await invitee.post(path, [("password", "my chosen password"), ("password_confirm", "my chosen password")]).status == .seeOther)
            try await invitee.signIn("/alpha", email: "salma@example.org", password: "my chosen password")
            #expect(try await invitee.get("/alpha/admin/pages").status == .ok, "an editor of pages")
            #expect(try await invitee.get("/alpha/admin/users").status == .forbidden)
        }
        let confirmed = try await host.read("alpha") { db in try Bool.fetchOne(db, sql: "SELECT confirmed_at IS NOT NULL FROM account WHERE email = 'salma@example.org'") }
        #expect(confirmed == true, "choosing the password through the mailed link confirmed the address")
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'invite'") } == 1)
    }

    @Test func invitationsAreForAdminsAndRefuseWhatMakesNoSense() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/users")
            let taken = try await admin.post("/alpha/admin/users/invite", [("email", "citizen@alpha.test"), ("name", "X"), ("role", "editor")])
            #expect(taken.status == .conflict && taken.body.contains("Un compte utilise déjà cette adresse"))
            let badRole = try await admin.post("/alpha/admin/users/invite", [("email", "new@example.org"), ("name", "New"), ("role", "mayor")])
            #expect(badRole.status == .badRequest && badRole.body.contains("value=\"new@example.org\""), "the form comes back as typed")
            #expect(try await admin.post("/alpha/admin/users/invite", [("email", "nope"), ("name", "N"), ("role", "editor")]).status == .badRequest)
            #expect(try await admin.post("/alpha/admin/users/invite", [("email", "n@example.org"), ("name", "N"), ("role", "editor")], csrf: "").status == .forbidden)
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await editor.post("/alpha/admin/users/invite", [("email", "n@example.org"), ("name", "N"), ("role", "admin")]).status == .forbidden)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") } == 0, "nothing was sent")
    }
}
