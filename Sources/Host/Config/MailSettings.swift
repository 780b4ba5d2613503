/// How mail leaves the platform (`[mail]` in `config/opencommune.toml`, every key optional).
struct MailSettings: Sendable, Equatable {
    enum Transport: String, Sendable { case folder, smtp }

    /// `folder` (the default, needing nothing: each mail is an `.eml` file under
    /// `<data-dir>/<slug>/outbox/`) or `smtp` (to a relay, through the system's `msmtp`).
    var transport = Transport.folder
    var smtpHost = "localhost"
    var smtpPort = 587
    /// Upgrade the connection with STARTTLS (on for any relay across a network).
    var smtpStartTLS = true
    var smtpUsername: String?
    var smtpPassword: String?
    /// The platform's sender, `Name <address>` or an address.
    var from = "OpenCommune <noreply@localhost>"

    /// The address part of ``from``, for the envelope.
    var fromAddress: String {
        guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
        return String(from[from.index(after: open)..<close])
    }
}
