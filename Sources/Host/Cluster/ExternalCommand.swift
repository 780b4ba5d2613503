import Foundation

/// A program run to its end (Litestream, tar): what it printed, or a failure saying it.
enum ExternalCommand {
    /// The program could not start, or exited with another status than 0; `output` is what it said.
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed: \(output.trimmingCharacters(in: .whitespacesAndNewlines))" }
    }

    /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments`, and waits for it.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = program.contains("/") ? arguments : [program] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let name = "\((program as NSString).lastPathComponent) \(arguments.first ?? "")"
        do { try process.run() } catch { throw Failure(command: name, output: "cannot run \(program): \(error)") }
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(command: name, output: said) }
        return said
    }
}
