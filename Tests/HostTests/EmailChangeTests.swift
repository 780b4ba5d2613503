import CivicSDK
import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// A new address takes effect once its link is followed; the old address hears of the request and
/// of the change.
@Suite struct EmailChangeTests {
    @Test func theNewAddressConfirmsAndTheOldOneIsTold() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.get("/alpha/account").body.contains("action=\"/alpha/account/email\""))
            #expect(try await citizen.post("/alpha/account/email", [("email", "new@example.org"), ("password", "wrong password")]).status == .forbidden)
            #expect(try await citizen.post("/alpha/account/email", [("email", "not an address"), ("password", TestHost.password)]).status == .badRequest)
            let asked = try await citizen.post("/alpha/account/email", [("email", "New@Example.org"), ("password", TestHost.password)])
            #expect(asked.status == .seeOther && asked.location == "/alpha/account?done=link_sent")
            try await host.services.mail.deliverDue("alpha")
            let mails = PasswordResetTests.outbox(host)
            let toNew = try #require(mails.first { $0.headers["to"]?.contains("<new@example.org>") == true })
            let toOld = try #require(mails.first { $0.headers["to"]?.contains("<citizen@alpha.test>") == true })
            #expect(toOld.text.contains("new@example.org"), "the old address hears of the request")
            #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE email = 'citizen@alpha.test'") } == 1,
                    "nothing changes before the link is followed")
            let path = String(try #require(toNew.link(containing: "/account/email/")).dropFirst("http://127.0.0.1:8080".count))
            let done = try await citizen.get(path)
            #expect(done.status == .seeOther && done.location == "/alpha/account?done=email_changed")
            #expect(try await citizen.get(path).status == .gone, "once")
            var again = Browser(client)
            try await again.signIn("/alpha", email: "new@example.org")
            await #expect(throws: Browser.SignInFailed.self) { var old = Browser(client); try await old.signIn("/alpha", email: "citizen@alpha.test") }
            try await host.services.mail.deliverDue("alpha")
            #expect(PasswordResetTests.outbox(host).contains { $0.headers["to"]?.contains("<citizen@alpha.test>") == true && $0.subject.hasPrefix("Votre adresse a changé") })
            var anonymous = Browser(client)
            try await anonymous.get("/alpha/login")
            #expect(try await anonymous.post("/alpha/account/email", [("email", "x@example.org"), ("password", "x")]).status == .unauthorized)
        }
    }

    @Test func anAddressTakenMeanwhileIsNotTaken() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/account")
            #expect(try await citizen.post("/alpha/account/email", [("email", "editor@alpha.test"), ("password", TestHost.password)]).status == .seeOther,
                    "asking tells nothing about the address")
            try await host.services.mail.deliverDue("alpha")
            let link = try #require(PasswordResetTests.outbox(host).compactMap { $0.link(containing: "/account/email/") }.first)
            #expect(try await citizen.get(String(link.dropFirst("http://127.0.0.1:8080".count))).status == .conflict)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE email = 'citizen@alpha.test'") } == 1)
    }
}
