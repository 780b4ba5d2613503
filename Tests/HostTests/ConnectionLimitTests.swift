import Foundation
import Testing
import TestSupport

/// Over a real socket: a stalled client is disconnected, oversized headers are refused.
@Suite struct ConnectionLimitTests {
    @Test func aStalledClientIsDisconnected() async throws {
        let host = try await TestHost(idleTimeoutSeconds: 1)
        let closed = try await host.testLive { port in
            // half a request line, then silence
            try await RawHTTP.exchange(port: port, request: Array("GET /alpha/ HT".utf8), wait: 5)
        }
        #expect(closed != nil, "the connection was closed within the idle timeout")
    }

    @Test func oversizedHeadersAreRefused() async throws {
        let host = try await TestHost()
        let answer = try await host.testLive { port in
            let header = "X-Padding: " + String(repeating: "a", count: 200_000) + "\r\n"
            return try await RawHTTP.exchange(port: port, request: Array("GET /alpha/ HTTP/1.1\r\nHost: localhost\r\n\(header)\r\n".utf8), wait: 5)
        }
        let text = try #require(answer, "the server does not keep the connection waiting")
        #expect(!text.hasPrefix("HTTP/1.1 200"))
    }
}
