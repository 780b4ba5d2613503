import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct PageCacheTests {
    @Test func anonymousPagesAreServedFromCacheUntilAWrite() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            let first = try await visitor.get("/alpha/pages")
            #expect(first.headers[.cacheControl] == "public, max-age=0, must-revalidate")
            #expect(host.cachedPages("alpha") == 1)
            let second = try await visitor.get("/alpha/pages")
            #expect(second.body == first.body)
            #expect(second.headers[.eTag] == first.headers[.eTag])
            let notModified = try await visitor.get("/alpha/pages", headers: [.ifNoneMatch: try #require(first.headers[.eTag])])
            #expect(notModified.status == .notModified)

            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/pages/new")
            try await editor.post("/alpha/admin/pages", [("slug", "fresh"), ("title.fr", "Toute fraîche")])
            try await editor.post("/alpha/admin/pages/1/publish", [])

            let third = try await visitor.get("/alpha/pages")
            #expect(third.body.contains("Toute fraîche"), "a write to the tenant invalidates its cached pages")
            #expect(third.headers[.eTag] != first.headers[.eTag])
        }
    }

    @Test func signedInPagesAreKeptApartFromAnonymousOnesAndNeverStoredByBrowsers() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let page = try await editor.get("/alpha/pages")
            #expect(page.headers[.cacheControl] == "private, no-store")
            #expect(page.body.contains("Editor"))
            #expect(host.cachedPages("alpha") == 1, "kept for the editors, with the editor's own parts left as holes")
            var visitor = Browser(client)
            let anonymous = try await visitor.get("/alpha/pages")
            #expect(!anonymous.body.contains("Editor"), "no signed-in name leaks into the shared page")
            let login = try await visitor.get("/alpha/login")
            #expect(login.headers[.cacheControl] == "private, no-store")
            #expect(host.cachedPages("alpha") == 2, "the anonymous list is kept apart, and never the sign-in form")
        }
    }

    @Test func anonymousAPIAnswersAreCachedToo() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            let first = try await visitor.get("/alpha/api/v1/pages")
            #expect(first.headers[.cacheControl] == "public, max-age=0, must-revalidate")
            #expect(host.cachedPages("alpha") == 1)
            #expect(try await visitor.get("/alpha/api/v1/pages").body == first.body)
            #expect(try await visitor.get("/alpha/api/v1/pages/nope").status == .notFound)
            #expect(host.cachedPages("alpha") == 1, "errors are not cached")
        }
    }

    @Test func cacheIsPerTenant() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            try await visitor.get("/alpha/")
            try await visitor.get("/alpha-youth/")
            #expect(host.cachedPages("alpha") == 1)
            #expect(host.cachedPages("alpha-youth") == 1)
            var editor = Browser(client)
            try await editor.signIn("/alpha-youth", email: "editor@youth.test")
            try await editor.get("/alpha-youth/admin/pages/new")
            try await editor.post("/alpha-youth/admin/pages", [("slug", "x"), ("title.fr", "X")])
            try await visitor.get("/alpha/")
            #expect(host.cachedPages("alpha") == 1, "a write to the instance leaves the commune's cache alone")
        }
    }

    @Test func gzipWhenAcceptedAndSecurityHeadersAlways() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            for _ in 0..<2 {
                let page = try await visitor.get("/alpha/", headers: [.acceptEncoding: "gzip, br"])
                #expect(page.headers[.contentEncoding] == "gzip")
                #expect(page.headers[.vary]?.contains("Accept-Encoding") == true)
            }
            let plain = try await visitor.get("/alpha/")
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.body.contains("<!doctype html>"))
            for path in ["/alpha/", "/alpha/login", "/nowhere", "/admin/login", "/healthz"] {
                let page = try await visitor.get(path)
                #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                #expect(page.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] != nil, "\(path)")
            }
        }
    }
}
