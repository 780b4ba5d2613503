import Foundation
import Subprocess
import SystemPackage
import Synchronization

/// A program run to its end (Litestream, tar): what it printed, or a failure saying it.
///
/// Started through Subprocess, not Foundation's `Process`: on Linux, `Process.run()` reads past a
/// buffer while it lists `/proc/self/fd` and crashes now and then, the more often the more files
/// the server has open (swift-corelibs-foundation#5472, seen in this project's CI).
enum ExternalCommand {
    /// The program could not start, or exited with another status than 0; `output` is what it said.
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed: \(output.trimmingCharacters(in: .whitespacesAndNewlines))" }
    }

    /// What a program may print before it is cut off (Litestream and tar say a few lines).
    private static let outputLimit = 1 << 20

    /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments`, and waits for it.
    private static func run(_ program: String, _ arguments: [String]) async throws -> String {
        let name = "\((program as NSString).lastPathComponent) \(arguments.first ?? "")"
        let said: String, status: TerminationStatus
        do {
            let result = try await Subprocess.run(program.contains("/") ? .path(FilePath(program)) : .name(program),
                                                  arguments: Arguments(arguments), output: .string(limit: outputLimit), error: .combinedWithOutput)
            (said, status) = (result.standardOutput, result.terminationStatus)
        } catch {
            throw Failure(command: name, output: "cannot run \(program): \(error)")
        }
        guard status.isSuccess else { throw Failure(command: name, output: said.isEmpty ? "\(status)" : said) }
        return said
    }

    /// ``run(_:_:)`` for blocking code on a thread of its own (a handover): waits for the program
    /// there. Never call it on Swift's shared threads, which the wait would hold.
    @discardableResult
    static func runWaiting(_ program: String, _ arguments: [String]) throws -> String {
        let outcome = Mutex<Result<String, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<String, any Error>
            do { result = .success(try await run(program, arguments)) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}
