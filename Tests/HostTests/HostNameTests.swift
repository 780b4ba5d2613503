import Foundation
import Testing
import TestSupport

/// What a page depends on must come from the configuration or be in its cache key: a request's
/// `Host` header and path cannot make the server link elsewhere, nor poison what others are served.
/// Over a real socket, since only there can a client send any `Host`.
@Suite struct HostNameTests {
    static func body(_ answer: String) -> String {
        answer.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }

    @Test func unknownHostNamesAreRefusedBeforeAnyPageOrCache() async throws {
        let host = try await TestHost(publicURL: "https://civic.example")
        let (attacker, canonical, loopback) = try await host.testLive { port in
            (try await RawHTTP.send(port: port, "/alpha/", host: "attacker.example"),
             try await RawHTTP.send(port: port, "/alpha/", host: "civic.example"),
             try await RawHTTP.send(port: port, "/alpha/", host: "127.0.0.1:\(port)"))
        }
        #expect(attacker.hasPrefix("HTTP/1.1 421"))
        #expect(!attacker.contains("attacker.example"), "the refused name is not echoed")
        #expect(canonical.hasPrefix("HTTP/1.1 200") && loopback.hasPrefix("HTTP/1.1 200"))
        #expect(host.cachedPages("alpha") == 1, "only the served host names reached the cache")
    }

    /// A tenant reached by its own host name and by path gets each page rendered for the address it was reached at.
    @Test func aTenantReachedTwoWaysKeepsTwoCachedPages() async throws {
        let host = try await TestHost(hosts: ["alpha": ["alpha.example"]])
        let (byHost, byPath, byHostAgain) = try await host.testLive { port in
            (Self.body(try await RawHTTP.send(port: port, "/", host: "alpha.example")),
             Self.body(try await RawHTTP.send(port: port, "/alpha/", host: "localhost")),
             Self.body(try await RawHTTP.send(port: port, "/", host: "ALPHA.example:\(port)")))
        }
        #expect(byHost.contains("href=\"/theme.css\"") && !byHost.contains("/alpha/theme.css"))
        #expect(byPath.contains("href=\"/alpha/theme.css\""), "the path-reached page links under /alpha")
        #expect(byHostAgain == byHost)
        #expect(host.cachedPages("alpha") == 2)
    }

    @Test func pathsThatLookLikeAnotherSiteStayOnThisSite() async throws {
        let host = try await TestHost()
        let (doubled, backslash) = try await host.testLive { port in
            (try await RawHTTP.send(port: port, "//evil.example/x"), try await RawHTTP.send(port: port, "/\\evil.example/x?y=1"))
        }
        #expect(doubled.hasPrefix("HTTP/1.1 404"))
        #expect(!doubled.contains("href=\"//evil.example"), "no protocol-relative link to another site")
        #expect(doubled.contains("href=\"/evil.example/x?lang=ar\""))
        #expect(!backslash.contains("href=\"/\\evil.example") && !backslash.contains("href=\"//"))
    }

    @Test func strictTransportSecurityFollowsTheConfiguredAddress() async throws {
        let https = try await TestHost(publicURL: "https://civic.example")
        let plain = try await TestHost()
        let off = try await TestHost(publicURL: "https://civic.example", hstsMaxAge: 0)
        for (host, expected) in [(https, "max-age=31536000; includeSubDomains"), (plain, nil), (off, nil)] {
            let value = try await host.test { client in
                var visitor = Browser(client)
                return try await visitor.get("/alpha/").headers[.init("Strict-Transport-Security")!]
            }
            #expect(value == expected)
        }
    }

    @Test func metricsAreReadableFromLoopbackOnlyByDefault() async throws {
        let host = try await TestHost()
        let loopback = try await host.testLive { port in try await RawHTTP.send(port: port, "/metrics") }
        #expect(loopback.hasPrefix("HTTP/1.1 200") && loopback.contains("opencommune_requests_total"))
        let remote = try await host.test { client in
            var visitor = Browser(client)
            return try await visitor.get("/metrics").status
        }
        #expect(remote == .forbidden)
    }
}
