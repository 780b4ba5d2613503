import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

@Suite struct RequestLimitTests {
    @Test func oversizedBodyIs413() async throws {
        let host = try await TestHost(maxBodyBytes: 2_048)
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "editor@alpha.test")
            try await browser.get("/alpha/admin/pages/new")
            let page = try await browser.post("/alpha/admin/pages", [("slug", "big"), ("body.fr", String(repeating: "x", count: 5_000))])
            #expect(page.status == .contentTooLarge)
            #expect(page.body.contains("trop volumineuse"))
        }
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") } == 0)
    }

    @Test func malformedFormIs400WithAMessage() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.get("/alpha/login")
            let token = try #require(browser.csrf)
            let page = try await browser.send("/alpha/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                              body: ByteBuffer(string: "email=%zz&_csrf=\(token)"))
            #expect(page.status == .badRequest)
            #expect(page.body.contains("mal formé"))
            let json = try await browser.send("/alpha/login", method: .post, headers: [.contentType: "application/json"],
                                              body: ByteBuffer(string: "{\"_csrf\": \"\(token)\"}"))
            #expect(json.status == .unsupportedMediaType)
        }
    }

    @Test func invalidPageFormIs400AndKeepsWhatWasTyped() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            try await browser.signIn("/alpha", email: "editor@alpha.test")
            try await browser.get("/alpha/admin/pages/new")
            let page = try await browser.post("/alpha/admin/pages", [("slug", "Bad Slug!"), ("title.fr", ""), ("body.fr", "Mon texte gardé")])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("identifiant d&#39;adresse doit contenir"))
            #expect(page.body.contains("Donnez un titre"))
            #expect(page.body.contains("Mon texte gardé"))
            #expect(page.body.contains("value=\"bad slug!\""))
        }
    }

    @Test func apiErrorsAreJSON() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/alpha/api/v1/pages/missing")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(page.body.contains("\"message\""))
        }
    }
}

@Suite struct MethodTests {
    @Test func headAnswersLikeGetWithoutBodyAndOtherMethodsAre405() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let head = try await browser.send("/alpha/", method: .head, headers: [:], body: nil)
            #expect(head.status == .ok)
            #expect(head.body.isEmpty)
            #expect(head.headers[.contentType]?.hasPrefix("text/html") == true)
            for method in [HTTPRequest.Method.delete, .put, .patch] {
                let page = try await browser.send("/alpha/pages", method: method, headers: [:], body: nil)
                #expect(page.status == .methodNotAllowed, "\(method)")
                #expect(page.headers[.allow] == "GET, HEAD", "exactly what the path answers")
            }
            // a known path asked with a method it does not answer: 405, not 404
            let post = try await browser.send("/alpha/pages", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: nil)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD")
            #expect(try await browser.send("/alpha/nowhere", method: .post, headers: [:], body: nil).status != .methodNotAllowed)
            let options = try await browser.send("/alpha/api/v1/plans/commitments/2/updates", method: .options, headers: [:], body: nil)
            #expect(options.status == .methodNotAllowed)
            #expect(options.headers[.allow] == "POST")
            #expect(options.body.contains("\"code\":\"method_not_allowed\""))
            let apiPost = try await browser.send("/alpha/api/v1/pages", method: .post, headers: [:], body: nil)
            #expect(apiPost.status == .methodNotAllowed)
            #expect(apiPost.headers[.allow] == "GET, HEAD")
        }
    }
}
