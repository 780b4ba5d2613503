import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP written by hand over a loopback socket, for what the test clients cannot send: any `Host`
/// header, malformed framing, a stalled or oversized request.
public enum RawHTTP {
    /// Sends `request` on a new connection and returns what comes back before the server closes it
    /// (or `nil` if it is still open after `wait` seconds). The socket blocks, so it runs on a thread
    /// of its own: blocking one of the few threads Swift's tasks share would stall the server under test.
    public static func exchange(port: Int, request: [UInt8], wait: Int) async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingExchange(port: port, request: request, wait: wait) }) }.start()
        }
    }

    private static func blockingExchange(port: Int, request: [UInt8], wait: Int) throws -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return String(decoding: received, as: UTF8.self) }  // closed by the server
            if count < 0 { return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil }  // still open at the deadline
            received += buffer[0..<count]
        }
    }

    /// A complete request with `Connection: close`, answered in full: its status line, headers and body.
    public static func send(port: Int, _ path: String, method: String = "GET", host: String = "localhost",
                            headers: [String] = [], body: String? = nil) async throws -> String {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: \(host)", "Connection: close"] + headers
        if let body { lines.append("Content-Length: \(body.utf8.count)") }
        let text = lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? "")
        return try await exchange(port: port, request: Array(text.utf8), wait: 10) ?? ""
    }
}
