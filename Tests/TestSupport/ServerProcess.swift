import Foundation
import Subprocess
import Synchronization
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The `opencommune` executable that `swift test` builds, run as a real process over a data
/// directory of its own: for what only a separate process shows (file locks, restarts, restore).
public final class ServerProcess: @unchecked Sendable {
    public static let binary = Repository.root.appendingPathComponent(".build/debug/opencommune")

    /// A temporary folder holding the configuration and the data directory (removed on release).
    public let folder: URL
    public let port: Int
    public var configPath: String { folder.appendingPathComponent("opencommune.toml").path }
    public var dataDirectory: String { folder.appendingPathComponent("data").path }
    private let server = Mutex<BackgroundProcess?>(nil)

    /// `extra` is appended to the configuration (a `[mail]` table, say).
    public init(extra: String = "") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("opencommune-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        try """
            [server]
            port = \(port)
            [data]
            directory = "\(dataDirectory)"
            provisioning = ""
            [security]
            bcrypt_cost = 4
            \(extra)
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        server.withLock { $0 }?.send(SIGKILL)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a one-shot command (`["tenant", "create", …]`) with this configuration: its exit status and what it printed.
    public func command(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await Subprocess.run(.path(FilePath(Self.binary.path)), arguments: Arguments(arguments + ["--config", configPath]),
                                              workingDirectory: FilePath(folder.path),
                                              output: .string(limit: 1 << 20), error: .combinedWithOutput)
        let status: Int32
        switch result.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        return (status, result.standardOutput)
    }

    /// Starts `opencommune serve` and waits until it answers `/healthz`.
    public func start() async throws {
        let process = try await BackgroundProcess.start(Self.binary.path, ["serve", "--config", configPath], in: folder.path)
        server.withLock { $0 = process }
        for _ in 0..<100 {
            if let answer = try? await RawHTTP.send(port: port, "/healthz"), answer.hasPrefix("HTTP/1.1 200") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw POSIXError(.ETIMEDOUT)
    }

    /// Stops the server the way a service manager does (SIGTERM) and waits for it to exit.
    public func stop() async {
        await end(SIGTERM)
    }

    /// Kills the server with no chance to clean up (SIGKILL), as a power cut or the OOM killer would,
    /// and waits until it is gone.
    public func crash() async {
        await end(SIGKILL)
    }

    private func end(_ signal: Int32) async {
        guard let process = server.withLock({ $0 }) else { return }
        process.send(signal)
        await process.waitForExit()
        server.withLock { $0 = nil }
    }

    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
