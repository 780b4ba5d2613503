import Foundation
import Subprocess
import Synchronization
import SystemPackage

/// A long-running program a test starts (a server), through Subprocess: Foundation's `Process` on
/// Linux crashes now and then while it lists the test process's many open files
/// (swift-corelibs-foundation#5472). It runs until it exits or is sent a signal.
public final class BackgroundProcess: Sendable {
    public let pid: pid_t
    private let exited: Task<Void, Never>
    private let ended: Flag

    /// Set once the program has exited (a class, so that the task waiting for the exit can hold it).
    private final class Flag: Sendable {
        let raised = Mutex(false)
    }

    private init(pid: pid_t, exited: Task<Void, Never>, ended: Flag) {
        (self.pid, self.exited, self.ended) = (pid, exited, ended)
    }

    /// Starts `program` with `arguments` (in `folder`, if given, with `environment` added to this
    /// process's), its output discarded.
    public static func start(_ program: String, _ arguments: [String], in folder: String? = nil,
                             environment: [String: String] = [:]) async throws -> BackgroundProcess {
        let ended = Flag()
        let added = Dictionary(uniqueKeysWithValues: environment.compactMap { key, value in Environment.Key(rawValue: key).map { ($0, Optional(value)) } })
        let (started, announce) = AsyncThrowingStream<pid_t, any Error>.makeStream()
        let exited = Task {
            do {
                // the body only hands the process identifier over; Subprocess then waits for the exit
                _ = try await Subprocess.run(.path(FilePath(program)), arguments: Arguments(arguments), environment: .inherit.updating(added),
                                             workingDirectory: folder.map { FilePath($0) },
                                             input: .none, output: .discarded, error: .discarded) { execution in
                    announce.yield(execution.processIdentifier.value)
                }
                announce.finish()
            } catch {
                announce.finish(throwing: error)
            }
            ended.raised.withLock { $0 = true }
        }
        var identifiers = started.makeAsyncIterator()
        guard let pid = try await identifiers.next() else { throw POSIXError(.ECHILD) }
        return BackgroundProcess(pid: pid, exited: exited, ended: ended)
    }

    /// Whether the program still runs.
    public var isRunning: Bool { !ended.raised.withLock { $0 } }

    /// Sends `signal` (SIGTERM, SIGKILL) to the program.
    public func send(_ signal: Int32) { if isRunning { kill(pid, signal) } }

    /// Waits until the program has exited.
    public func waitForExit() async { await exited.value }
}
