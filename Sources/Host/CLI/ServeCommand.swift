import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `opencommune serve`: provisions the configured tenants, then serves until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the web server.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "Address to listen on (default 127.0.0.1).") var hostname: String?
    @Option(help: "Port to listen on (default 8080, or OPENCOMMUNE_PORT).") var port: Int?

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        var config = try options.loadConfig()
        if let hostname { config.hostname = hostname }
        if let port { config.port = port }
        // held until the process ends: a restore refuses to run under this server
        let lock = try DataDirectoryLock(directory: config.dataDirectory, for: .server)
        let services = try options.services(config: config, logLevel: .info)
        if let directory = config.provisioningDirectory {
            try await Provisioning(directory: directory).apply(services)
        }
        if let created = try await FirstAdmin.ensure(services) {
            FileHandle.standardOutput.write(Data("""

            ──────────────────────────────────────────────────────────────
            No platform administrator existed; one was created:
              e-mail:   \(created.email)
              password: \(created.password)
            Sign in at http://\(config.hostname):\(config.port)/admin/login and add your own.
            This password is shown once.
            ──────────────────────────────────────────────────────────────

            """.utf8))
        }
        let app = try buildApplication(services: services)
        let delivery = Task { await services.mail.run() }
        defer { delivery.cancel() }
        try await app.runService()
        withExtendedLifetime(lock) {}
    }
}
