import Foundation

/// A real SMTP server on loopback for mail tests: Python's aiosmtpd (Debian package
/// `python3-aiosmtpd`, installed by `.ci/run`), storing what it receives in a Maildir.
public final class SMTPServer: @unchecked Sendable {
    public let port: Int
    private let folder: String
    private let process: BackgroundProcess

    private init(port: Int, folder: String, process: BackgroundProcess) {
        (self.port, self.folder, self.process) = (port, folder, process)
    }

    /// Starts aiosmtpd on a free port and waits until it accepts connections. With `holdingAfter`,
    /// it stores that many messages, then holds every further one unanswered until ``releaseHeld()``
    /// (Tests/smtp/held_mailbox.py).
    public static func start(holdingAfter: Int? = nil) async throws -> SMTPServer {
        let folder = NSTemporaryDirectory() + "opencommune-smtp-" + UUID().uuidString
        let port = try ServerProcess.freePort()
        let handler = holdingAfter.map { ["held_mailbox.HeldMailbox", folder, String($0), folder + "-gate"] } ?? ["aiosmtpd.handlers.Mailbox", folder]
        let process = try await BackgroundProcess.start("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c"] + handler,
                                                        environment: ["PYTHONPATH": Repository.root.appendingPathComponent("Tests/smtp").path])
        let server = SMTPServer(port: port, folder: folder, process: process)
        let deadline = Date().addingTimeInterval(10)
        while !accepts(port) {
            guard Date() < deadline, process.isRunning else { throw StartFailed(port: port) }
            try await Task.sleep(for: .milliseconds(50))
        }
        return server
    }

    deinit {
        // aiosmtpd does not always stop on SIGTERM once it has served a connection
        process.send(SIGKILL)
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "-gate")
    }

    /// Lets the messages held since `holdingAfter` through, and every later one.
    public func releaseHeld() {
        FileManager.default.createFile(atPath: folder + "-gate", contents: nil)
    }

    /// The messages received so far, in the order they arrived.
    public func messages() -> [ReceivedMail] {
        ReceivedMail.all(in: folder + "/new")
    }

    /// How many messages arrived so far (without reading them).
    public var count: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/new")) ?? []).count
    }

    /// Waits until `count` messages arrived (at most `seconds`), then returns them all.
    public func waitFor(_ count: Int, seconds: Double = 10) async throws -> [ReceivedMail] {
        let deadline = Date().addingTimeInterval(seconds)
        while messages().count < count && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return messages()
    }

    public struct StartFailed: Error, CustomStringConvertible {
        let port: Int
        public var description: String { "aiosmtpd did not start on port \(port): is python3-aiosmtpd installed?" }
    }

    static func accepts(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: in_port_t(UInt16(port).bigEndian),
                                  sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } } == 0
    }
}
