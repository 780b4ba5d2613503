import Foundation
import Testing
import TestSupport

/// A body the HTTP parser cannot read is the client's fault: 400, never 500, and nothing stored.
@Suite struct MalformedBodyTests {
    static let cases: [(String, String)] = [
        ("unknown transfer coding", "Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
        ("bad chunk size", "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
        ("chunk longer than announced", "Transfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n"),
        ("both lengths", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
    ]

    @Test func malformedBodiesAreRefusedAsBadRequests() async throws {
        let host = try await TestHost()
        let answers = try await host.testLive { port in
            var answers: [String: String] = [:]
            for (name, tail) in Self.cases {
                for path in ["/alpha/feedback/core/general", "/admin/login"] {
                    let head = "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nSec-Fetch-Site: same-origin\r\n"
                    let answer = try await RawHTTP.exchange(port: port, request: Array((head + tail).utf8), wait: 10) ?? "(no answer)"
                    answers["\(name) \(path)"] = String(answer.prefix { $0 != "\r" })
                }
            }
            return answers
        }
        for (name, status) in answers.sorted(by: { $0.key < $1.key }) {
            #expect(status.hasPrefix("HTTP/1.1 400"), "\(name): \(status)")
        }
    }
}
