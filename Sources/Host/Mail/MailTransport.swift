import Foundation

/// Where a mail goes when it leaves the outbox. `deliver` returns what the other end said (a path,
/// the relay's answer) for the delivery log, or throws with the reason it failed.
protocol MailTransport: Sendable {
    func deliver(_ message: String, recipient: String, tenant: String, id: Int64) async throws -> String
    /// What the other end said, when mail `id` was already accepted by an attempt whose outcome the
    /// outbox never heard of (the process was killed in between): then it is not sent again.
    func alreadyDelivered(tenant: String, id: Int64) -> String?
    /// The outbox recorded mail `id` as sent: whatever the transport kept to know it can go.
    func recorded(tenant: String, id: Int64)
}

extension MailTransport {
    /// A transport whose delivery can be repeated harmlessly keeps nothing.
    func alreadyDelivered(tenant: String, id: Int64) -> String? { nil }
    func recorded(tenant: String, id: Int64) {}
}

/// The default, needing nothing: each mail becomes `<data-dir>/<slug>/outbox/<id>.eml`, written
/// whole or not at all, so the demo shows what would be sent (writing it again after a crash
/// rewrites the same file).
struct FolderTransport: MailTransport {
    let dataDirectory: String

    func deliver(_ message: String, recipient: String, tenant: String, id: Int64) async throws -> String {
        let folder = URL(fileURLWithPath: dataDirectory).appendingPathComponent(tenant).appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(id).eml")
        try Data(message.utf8).write(to: file, options: .atomic)
        return file.path
    }
}

/// A failed delivery, with what the transport said.
struct MailDeliveryError: Error, CustomStringConvertible {
    let description: String
}
