import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct AccountTests {
    /// Registers `email` on `root` with a valid name and password.
    static func register(_ browser: inout Browser, _ root: String = "/alpha", email: String) async throws -> Page {
        try await browser.post("\(root)/register", [("email", email), ("name", "C"), ("password", "long enough pw"), ("password_confirm", "long enough pw")])
    }

    @Test func registerMakesACitizenWhoThenSignsIn() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/register")
            let page = try await browser.post("/alpha/register", [("email", "Fatima@Example.ma"), ("name", "Fatima"),
                                                                  ("password", "un mot de passe"), ("password_confirm", "un mot de passe")])
            #expect(page.status == .ok)
            #expect(page.body.contains("Demande d&#39;inscription reçue") || page.body.contains("Demande d'inscription reçue"))
            #expect(page.body.contains("value=\"fatima@example.ma\""), "the sign-in form comes filled in")
            let signIn = try await browser.post("/alpha/login", [("email", "fatima@example.ma"), ("password", "un mot de passe")])
            #expect(signIn.status == .seeOther)
            let cookie = signIn.headers[values: .setCookie].first { $0.hasPrefix("oc_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/alpha"))
            let account = try await browser.get("/alpha/account")
            #expect(account.body.contains("fatima@example.ma"))
            #expect(account.body.contains("Citoyen"))
            #expect(try await browser.get("/alpha/admin").status == .forbidden)
        }
        let hash = try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE email = 'fatima@example.ma'") }
        #expect(hash?.hasPrefix("$2") == true, "passwords are stored as bcrypt hashes")
    }

    @Test func registrationErrorsAreShownAndNothingIsCreated() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/register")
            let page = try await browser.post("/alpha/register", [("email", "not-an-email"), ("name", "Ali"),
                                                                  ("password", "short"), ("password_confirm", "other")])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("adresse e-mail valide"))
            #expect(page.body.contains("au moins 10 caractères"))
            #expect(page.body.contains("ne correspondent pas"))
            #expect(page.body.contains("value=\"Ali\""))
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") } == 4)
    }

    /// Registration tells no more than sign-in does about which addresses have accounts.
    @Test func registeringATakenAddressAnswersAsANewOneAndChangesNothing() async throws {
        let host = try await TestHost()
        let before = try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE email = 'citizen@alpha.test'") }
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/register")
            let taken = try await Self.register(&browser, email: "citizen@alpha.test")
            let fresh = try await Self.register(&browser, email: "new@alpha.test")
            #expect(taken.status == fresh.status)
            #expect(taken.body.replacingOccurrences(of: "citizen@alpha.test", with: "new@alpha.test") == fresh.body)
            #expect(!taken.body.contains("existe déjà"))
            // the owner's password is untouched, and the intruder's password does not open the account
            #expect(try await browser.post("/alpha/login", [("email", "citizen@alpha.test"), ("password", "long enough pw")]).status == .unauthorized)
        }
        let after = try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE email = 'citizen@alpha.test'") }
        #expect(before == after)
    }

    @Test func registrationsFromOneAddressAreLimited() async throws {
        let host = try await TestHost(registrationsPerHour: 3)
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/register")
            for index in 0..<3 {
                #expect(try await Self.register(&browser, email: "c\(index)@alpha.test").status == .ok)
            }
            let refused = try await Self.register(&browser, email: "c9@alpha.test")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.contains("Trop d&#39;inscriptions") || refused.body.contains("Trop d'inscriptions"))
            #expect(refused.body.contains("value=\"c9@alpha.test\""), "what was typed is kept")
            // the limit is per tenant
            try await browser.get("/beta/register")
            #expect(try await Self.register(&browser, "/beta", email: "c9@beta.test").status == .ok)
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") } == 7)
    }

    @Test func wrongPasswordThenRateLimit() async throws {
        let host = try await TestHost(loginAttempts: 3)
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/login")
            for _ in 0..<3 {
                let page = try await browser.post("/alpha/login", [("email", "admin@alpha.test"), ("password", "wrong password")])
                #expect(page.status == .unauthorized)
                #expect(page.body.contains("incorrect"))
                #expect(page.body.contains("value=\"admin@alpha.test\""))
            }
            let blocked = try await browser.post("/alpha/login", [("email", "admin@alpha.test"), ("password", TestHost.password)])
            #expect(blocked.status == .tooManyRequests)
            #expect(browser.cookies["oc_session"] == nil)
            // other tenants are unaffected by alpha's counter
            try await browser.signIn("/beta", email: "admin@beta.test")
        }
    }

    @Test func unknownEmailsCountTowardsTheLimitToo() async throws {
        let host = try await TestHost(loginAttempts: 2)
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/login")
            for _ in 0..<2 {
                #expect(try await browser.post("/alpha/login", [("email", "nobody@alpha.test"), ("password", "whatever pw")]).status == .unauthorized)
            }
            #expect(try await browser.post("/alpha/login", [("email", "nobody@alpha.test"), ("password", "whatever pw")]).status == .tooManyRequests)
        }
    }

    @Test func signOutEndsTheSessionOnTheServer() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "admin@alpha.test")
            let stolen = try #require(browser.cookies["oc_session"])
            try await browser.get("/alpha/account")
            #expect(try await browser.post("/alpha/logout", []).status == .seeOther)
            var thief = Browser(client)
            thief.cookies["oc_session"] = stolen
            #expect(try await thief.get("/alpha/admin").status == .unauthorized)
        }
    }

    @Test func sessionsSurviveARestart() async throws {
        let host = try await TestHost()
        let cookie = try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "admin@alpha.test")
            return try #require(browser.cookies["oc_session"])
        }
        // a new application over the same data directory stands for a restarted server
        try await host.test { client in
            var browser = Browser(client)
            browser.cookies["oc_session"] = cookie
            let status = try await browser.get("/alpha/admin").status
            #expect(status == .ok)
        }
    }

    @Test func changePasswordChecksTheCurrentOneAndClosesOtherSessions() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var other = Browser(client)
            try await other.signIn("/alpha", email: "editor@alpha.test")
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "editor@alpha.test")
            try await browser.get("/alpha/account")
            let wrong = try await browser.post("/alpha/account/password", [("current_password", "nope nope nope"),
                                                                          ("new_password", "nouveau mot de passe"), ("new_password_confirm", "nouveau mot de passe")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("actuel est incorrect"))
            let done = try await browser.post("/alpha/account/password", [("current_password", TestHost.password),
                                                                         ("new_password", "nouveau mot de passe"), ("new_password_confirm", "nouveau mot de passe")])
            #expect(done.status == .seeOther)
            #expect(try await browser.get("/alpha/admin").status == .ok, "the session that changed it stays")
            #expect(try await other.get("/alpha/admin").status == .unauthorized, "other sessions are closed")
            var fresh = Browser(client)
            try await fresh.signIn("/alpha", email: "editor@alpha.test", password: "nouveau mot de passe")
        }
    }
}
