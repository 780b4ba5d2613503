import CivicSDK
import Foundation
import Hummingbird

/// `{root}/admin/mail`: what the tenant's outbox sent, is retrying or gave up, with what the other
/// end said, newest first (admins only).
struct MailLogRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("admin/mail", use: log)
    }

    @Sendable func log(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let entries = try await context.database.read { db in try Outbox.latest(db, limit: 200) }
        let page = MailLogPage(transport: context.text("mail.transport.\(services.config.mail.transport.rawValue)"), entries: entries.map { entry in
            MailLogPage.Entry(created: context.dates.dateTime(entry.createdAt), recipient: entry.recipient, subject: entry.subject,
                              state: context.text("mail.state.\(Self.state(entry))"), style: Self.state(entry), attempts: entry.attempts,
                              answer: entry.lastError ?? "—")
        })
        return try context.render(page, title: context.text("mail.log_title"))
    }

    /// `sent`, `retrying` (a failed attempt, another to come), `waiting` (not tried yet) or `failed` (given up).
    static func state(_ entry: Outbox.Entry) -> String {
        switch entry.status {
        case .sent: "sent"
        case .failed: "failed"
        case .queued: entry.attempts > 0 ? "retrying" : "waiting"
        }
    }
}

/// The delivery log.
struct MailLogPage: PageModel {
    static let template = "console-mail"
    static let fields = TemplateFields<Self>(["transport": \.transport, "entries": \.entries, "hasEntries": \.hasEntries])

    struct Entry: TemplateModel {
        static let fields = TemplateFields<Self>(["created": \.created, "recipient": \.recipient, "subject": \.subject, "state": \.state,
                                                  "style": \.style, "attempts": \.attempts, "answer": \.answer])
        let created: TimeText, recipient: String, subject: String, state: String, style: String, attempts: Int, answer: String
    }

    let transport: String, entries: [Entry]
    var hasEntries: Bool { !entries.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
