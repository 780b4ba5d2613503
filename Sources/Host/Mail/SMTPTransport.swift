import Foundation
import Subprocess
import SystemPackage

/// Mail to an SMTP relay, handed to the system's `msmtp` (Debian package `msmtp`), a small and
/// well-kept client that speaks STARTTLS and SMTP authentication: that is the part not to write
/// again here (no Swift SMTP package is available, and TLS in-process would mean building
/// BoringSSL on every clean build). Each delivery runs `msmtp -t -i` with the configuration
/// `<data-dir>/.msmtprc`, readable by this user only, so the password never appears on a command
/// line nor in a temporary file a crash would leave behind.
///
/// No mail is sent twice across a crash: each delivery works in `<data-dir>/<slug>/mail-receipts/`,
/// where the message is written whole before msmtp starts (msmtp reads the file, so a server killed
/// mid-write never hands it half a message) and msmtp logs its outcome (`<id>.log`). msmtp is a
/// process of its own: when the server is killed, it still finishes and logs, and after the
/// restart the log says the relay accepted the mail, which is then recorded as sent, not sent again.
struct SMTPTransport: MailTransport {
    let settings: MailSettings
    /// The data directory, whose tenant folders hold the receipts.
    let dataDirectory: String
    /// The `msmtp` executable.
    var executable = "/usr/bin/msmtp"

    /// msmtp's configuration for these settings (each delivery names its own log on the command line).
    func configuration() -> String {
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
        let receipts = receipts(tenant)
        // in a task of its own, which a shutdown does not cancel: msmtp is never stopped mid-delivery
        return try await Task { try await send(message, receipts: receipts, id: id) }.value
    }

    func alreadyDelivered(tenant: String, id: Int64) -> String? {
        let log = receipts(tenant).appendingPathComponent("\(id).log")
        guard let text = try? String(contentsOf: log, encoding: .utf8),
              let last = text.split(separator: "\n").last, last.contains("exitcode=EX_OK") else { return nil }
        return "accepted by \(settings.smtpHost):\(settings.smtpPort) before a restart"
    }

    func recorded(tenant: String, id: Int64) {
        let folder = receipts(tenant)
        for name in ["\(id).eml", "\(id).log"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    }

    /// `<data-dir>/.msmtprc`, written (readable by this user only) when missing or when the settings
    /// changed: the data directory is this server's alone, and no tenant's archive includes it.
    private func configurationFile() throws -> String {
        let path = (dataDirectory as NSString).appendingPathComponent(".msmtprc")
        let wanted = Data(configuration().utf8)
        if FileManager.default.contents(atPath: path) == wanted { return path }
        let written = path + ".\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: written, contents: wanted, attributes: [.posixPermissions: 0o600]) else {
            throw MailDeliveryError(description: "cannot write msmtp's configuration in \(dataDirectory)")
        }
        // renamed into place whole: a delivery starting meanwhile reads the old file or the new one
        guard rename(written, path) == 0 else {
            try? FileManager.default.removeItem(atPath: written)
            throw MailDeliveryError(description: "cannot put msmtp's configuration in place in \(dataDirectory): \(String(cString: strerror(errno)))")
        }
        return path
    }

    private func receipts(_ tenant: String) -> URL {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent(tenant).appendingPathComponent("mail-receipts")
    }

    private func send(_ message: String, receipts: URL, id: Int64) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw MailDeliveryError(description: "\(executable) is missing: install Debian's msmtp package, or set mail.transport = \"folder\"")
        }
        try FileManager.default.createDirectory(at: receipts, withIntermediateDirectories: true)
        let mail = receipts.appendingPathComponent("\(id).eml"), log = receipts.appendingPathComponent("\(id).log")
        try Data(message.utf8).write(to: mail, options: .atomic)
        let config = try configurationFile()
        let said: String?, status: TerminationStatus
        do {
            let input = try FileDescriptor.open(FilePath(mail.path), .readOnly, options: .closeOnExec)
            let result = try await Subprocess.run(.path(FilePath(executable)), arguments: ["--file=\(config)", "--logfile=\(log.path)", "-t", "-i"],
                                                  input: .fileDescriptor(input, closeAfterSpawningProcess: true),
                                                  output: .discarded, error: .string(limit: 65_536))
            (said, status) = (result.standardError, result.terminationStatus)
        } catch {
            throw MailDeliveryError(description: "msmtp could not be run: \(error)")
        }
        let answer = (said ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard status.isSuccess else {
            throw MailDeliveryError(description: answer.isEmpty ? "msmtp ended with \(status)" : answer)
        }
        return "accepted by \(settings.smtpHost):\(settings.smtpPort)"
    }
}
