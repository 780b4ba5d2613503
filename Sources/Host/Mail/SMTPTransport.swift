import Foundation

/// Mail to an SMTP relay, handed to the system's `msmtp` (Debian package `msmtp`), a small and
/// well-kept client that speaks STARTTLS and SMTP authentication: that is the part not to write
/// again here (no Swift SMTP package is available, and TLS in-process would mean building
/// BoringSSL on every clean build). Each delivery runs `msmtp -t -i` with a configuration written
/// for it, readable by this user only, so the password never appears on a command line.
struct SMTPTransport: MailTransport {
    let settings: MailSettings
    /// The `msmtp` executable.
    var executable = "/usr/bin/msmtp"

    /// msmtp's configuration for these settings.
    var configuration: String {
        var lines = ["account default", "host \(settings.smtpHost)", "port \(settings.smtpPort)", "from \(settings.fromAddress)",
                     "tls \(settings.smtpStartTLS ? "on" : "off")", "tls_starttls \(settings.smtpStartTLS ? "on" : "off")"]
        if settings.smtpStartTLS { lines.append("tls_trust_file system") }
        if let user = settings.smtpUsername, let password = settings.smtpPassword {
            lines += ["auth on", "user \(user)", "password \(password)"]
        } else {
            lines.append("auth off")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func deliver(_ message: String, recipient: String, tenant: String, id: Int64) async throws -> String {
        // msmtp is waited for on a thread of its own, not on one of the few that serve requests
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try send(message) }) }
        }
    }

    private func send(_ message: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw MailDeliveryError(description: "\(executable) is missing: install Debian's msmtp package, or set mail.transport = \"folder\"")
        }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("opencommune-msmtp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: config.path, contents: Data(configuration.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw MailDeliveryError(description: "cannot write msmtp's configuration in \(config.deletingLastPathComponent().path)")
        }
        defer { try? FileManager.default.removeItem(at: config) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--file=\(config.path)", "-t", "-i"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answer = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw MailDeliveryError(description: answer.isEmpty ? "msmtp exited with status \(process.terminationStatus)" : answer)
        }
        return "accepted by \(settings.smtpHost):\(settings.smtpPort)"
    }
}
