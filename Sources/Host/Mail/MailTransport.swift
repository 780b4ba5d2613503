import Foundation

/// Where a mail goes when it leaves the outbox. `deliver` returns what the other end said (a path,
/// the relay's answer) for the delivery log, or throws with the reason it failed.
protocol MailTransport: Sendable {
    func deliver(_ message: String, recipient: String, tenant: String, id: Int64) async throws -> String
}

/// The default, needing nothing: each mail becomes `<data-dir>/<slug>/outbox/<id>.eml`, written
/// whole or not at all, so the demo shows what would be sent.
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
