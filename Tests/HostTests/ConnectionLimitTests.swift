import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Over a real socket: a stalled client is disconnected, oversized headers are refused.
@Suite struct ConnectionLimitTests {
    /// Sends `request` on a new connection and returns what comes back before the server closes it
    /// (or `nil` if it is still open after `wait` seconds).
    static func exchange(port: Int, request: [UInt8], wait: Int) throws -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return String(decoding: received, as: UTF8.self) }  // closed by the server
            if count < 0 { return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil }  // still open at the deadline
            received += buffer[0..<count]
        }
    }

    @Test func aStalledClientIsDisconnected() async throws {
        let host = try await TestHost(idleTimeoutSeconds: 1)
        let closed = try await host.testLive { port in
            // half a request line, then silence
            try Self.exchange(port: port, request: Array("GET /alpha/ HT".utf8), wait: 5)
        }
        #expect(closed != nil, "the connection was closed within the idle timeout")
    }

    @Test func oversizedHeadersAreRefused() async throws {
        let host = try await TestHost()
        let answer = try await host.testLive { port in
            let header = "X-Padding: " + String(repeating: "a", count: 200_000) + "\r\n"
            return try Self.exchange(port: port, request: Array("GET /alpha/ HTTP/1.1\r\nHost: localhost\r\n\(header)\r\n".utf8), wait: 5)
        }
        let text = try #require(answer, "the server does not keep the connection waiting")
        #expect(!text.hasPrefix("HTTP/1.1 200"))
    }
}
