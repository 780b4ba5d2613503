import ArgumentParser
import Foundation

/// `opencommune`: the server and its administration commands.
@main
struct OpenCommuneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opencommune",
        abstract: "Multi-tenant open-government platform for communes and their consultative instances.",
        subcommands: [ServeCommand.self, TenantCommand.self, ModuleCommand.self, UserCommand.self, AdminCommand.self, MigrateCommand.self,
                      BackupCommand.self, RestoreCommand.self, ClusterCommand.self])

    /// Runs the command; bad arguments and refused operations exit with code 2 and a clear message.
    static func main() async {
        let code = await run(Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    /// Parses and runs `arguments`, printing messages; returns the exit code (tests call this too).
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error)
        }
    }

    static func report(_ error: any Error) -> Int32 {
        switch error {
        case is PlatformError, is ConfigError, is ClusterClient.Failure, is HAProxyRuntime.Failure:
            // refusals whose description is written for the operator
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 2
        default:
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message.isEmpty ? "error: \(error)" : message).utf8 + [10]))
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
