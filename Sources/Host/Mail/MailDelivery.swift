import CivicSDK
import Foundation
import Logging
import GRDB
import Synchronization

/// Sends what the tenants' outboxes hold. A change that queues mail wakes it for that tenant (after
/// its transaction committed); every minute it also looks at every tenant with mail queued, which
/// brings retries due and mail left by a process that stopped. A mail is marked sent right after its
/// transport accepted it; a transport that cannot repeat a delivery harmlessly (SMTP) keeps a
/// receipt, so a crash in between does not send it again.
final class MailDelivery: Sendable {
    let transport: any MailTransport
    private let open: @Sendable (String) throws -> TenantDatabase
    private let tenants: @Sendable () -> [String]
    /// Runs before a tenant's mail goes: writes what is due into its outbox (news told to followers,
    /// digests) and says whether more is left to write; `hasWork` says whether a tenant has such work.
    private let prepare: (@Sendable (String, TenantDatabase, Date) async throws -> Bool)?
    private let hasWork: (@Sendable (Database) throws -> Bool)?
    private let logger: Logger
    private let waiting = Mutex<Set<String>>([])

    init(transport: any MailTransport, logger: Logger, open: @escaping @Sendable (String) throws -> TenantDatabase,
         tenants: @escaping @Sendable () -> [String], prepare: (@Sendable (String, TenantDatabase, Date) async throws -> Bool)? = nil,
         hasWork: (@Sendable (Database) throws -> Bool)? = nil) {
        self.transport = transport
        self.open = open
        self.tenants = tenants
        self.prepare = prepare
        self.hasWork = hasWork
        self.logger = logger
    }

    /// The transport the settings name.
    static func transport(_ settings: MailSettings, dataDirectory: String) -> any MailTransport {
        switch settings.transport {
        case .folder: FolderTransport(dataDirectory: dataDirectory)
        case .smtp: SMTPTransport(settings: settings, dataDirectory: dataDirectory)
        }
    }

    /// Mail was queued for `slug`: send it soon.
    func wake(_ slug: String) {
        waiting.withLock { _ = $0.insert(slug) }
    }

    /// Mails handed to the transport at once: a relay's answer takes longer than sending (a round trip
    /// or a delayed acknowledgement each), so several connections keep it busy.
    static let parallelDeliveries = 16

    /// Sends every due mail of `slug`; returns how many left.
    @discardableResult
    func deliverDue(_ slug: String, now: Date = Date()) async throws -> Int {
        let database = try open(slug)
        var sent = 0
        while true {
            let more = try await prepare?(slug, database, now) ?? false
            // what was just prepared is due too
            sent += try await deliverQueued(slug, database: database, now: max(now, Date()))
            if !more { return sent }
        }
    }

    /// Sends the mail of `slug` due at `now`; returns how many left.
    private func deliverQueued(_ slug: String, database: TenantDatabase, now: Date) async throws -> Int {
        var sent = 0
        while true {
            let due = try await database.read { db in try Outbox.due(db, now: now, limit: 64) }
            if due.isEmpty { return sent }
            for start in stride(from: 0, to: due.count, by: Self.parallelDeliveries) {
                sent += await withTaskGroup(of: Bool.self) { group in
                    for mail in due[start..<min(start + Self.parallelDeliveries, due.count)] {
                        group.addTask { await self.deliver(mail, slug: slug, database: database) }
                    }
                    return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
            }
            if due.count < 64 { return sent }
        }
    }

    /// One mail: sent (or found already accepted) and recorded as sent, or its failed attempt recorded.
    private func deliver(_ mail: Outbox.Entry, slug: String, database: TenantDatabase) async -> Bool {
        do {
            var answer = transport.alreadyDelivered(tenant: slug, id: mail.id)
            if answer == nil { answer = try await transport.deliver(mail.message, recipient: mail.recipient, tenant: slug, id: mail.id) }
            let said = answer ?? ""
            try await database.write(.nothingPublic) { db in try Outbox.markSent(db, id: mail.id, answer: said) }
            transport.recorded(tenant: slug, id: mail.id)
            logger.info("mail \(mail.id) of \(slug) to \(mail.recipient): \(said)")
            return true
        } catch {
            do {
                let givenUp = try await database.write(.nothingPublic) { db in try Outbox.markFailedAttempt(db, id: mail.id, error: "\(error)") }
                // a mail given up will not be tried again: its receipt can go
                if givenUp { transport.recorded(tenant: slug, id: mail.id) }
            } catch {
                logger.error("mail \(mail.id) of \(slug): its failed attempt could not be recorded: \(error)")
            }
            logger.warning("mail \(mail.id) of \(slug) not delivered: \(error)")
            return false
        }
    }

    /// Runs until cancelled: tenants woken within a quarter of a second, every tenant with mail
    /// queued each minute.
    func run() async {
        var lastSweep = Date.distantPast
        while !Task.isCancelled {
            let sweep = Date().timeIntervalSince(lastSweep) >= 60
            let woken = waiting.withLock { current -> Set<String> in defer { current = [] }; return current }
            var slugs = woken
            if sweep {
                lastSweep = Date()
                for slug in tenants() where !woken.contains(slug) {
                    let hasWork = self.hasWork
                    if (try? await open(slug).read({ db in try Outbox.hasQueued(db) || (hasWork?(db) ?? false) })) == true { slugs.insert(slug) }
                }
            }
            // a tenant woken but no longer listed (moving to another host, or gone) is left to its new host
            let serving = slugs.isEmpty ? [] : Set(tenants())
            for slug in slugs.sorted() where serving.contains(slug) {
                do { try await deliverDue(slug) } catch { logger.error("mail of \(slug): \(error)") }
            }
            if slugs.isEmpty { try? await Task.sleep(for: .milliseconds(250)) }
        }
    }
}
