import CivicSDK
import Foundation
import GRDB

/// Tells followers what happened, after the answer that recorded it has gone: each piece of
/// ``FollowNews`` reaches the accounts following its item (or what holds it) with a confirmed
/// address, at once by mail or as a line of their daily or weekly digest, in their language. Works
/// in batches of followers: a batch is composed with no transaction open, then stored in one
/// transaction with the news's cursor, so a crash neither loses nor repeats a follower; then queues
/// the digests that are due. One mail worker runs per process, so one fan-out at a time per tenant.
struct FollowFanout: Sendable {
    let renderer: Renderer
    let senders: MailSenders
    let links: UnsubscribeLinks
    /// News that time made true, recorded before the rest is told.
    let dated: DatedNews
    /// Followers told per transaction: large enough to be quick, small enough not to hold the
    /// tenant's write lock long while an editor saves.
    var batchSize = 250

    /// A follower, with how and in which language it hears.
    private struct Follower {
        let account: AccountStore.Stored
        let locale: String
        let mode: MailPreferences.Mode
    }

    /// One stored piece of news.
    private struct News {
        let id: Int64
        let subject: String
        let title: LocalizedText
        let path: String
        let headline: LocalizedText
        let detail: LocalizedText?
        let at: Date
        let fannedTo: Int64
    }

    /// What one batch writes: each follower's mail or digest line.
    private enum Told {
        case mail(MailMessage)
        case digest(accountID: Int64, cadence: MailPreferences.Mode, group: (key: String, title: String, path: String), line: String)
    }

    /// Tells the followers of one batch of the oldest news not yet told; returns the mails queued
    /// and whether news is left, so the caller runs it again. The batch is read, its mails are
    /// written out with no transaction open, then stored with the news's cursor in one short write:
    /// an editor saving meanwhile never waits for mails being composed.
    func step(_ database: TenantDatabase, tenant: Tenant, base: String) async throws -> (queued: Int, more: Bool) {
        let batchSize = batchSize
        let read = try await database.read { db -> (News, [Follower])? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM follow_news WHERE fanned_out_at IS NULL ORDER BY id LIMIT 1") else { return nil }
            let news = News(id: row["id"], subject: row["subject"], title: LocalizedText(json: row["title"]), path: row["path"],
                            headline: LocalizedText(json: row["headline"]), detail: (row["detail"] as String?).map(LocalizedText.init(json:)),
                            at: row["at"], fannedTo: row["fanned_to"])
            let followers = try Row.fetchAll(db, sql: """
                SELECT DISTINCT a.id, a.email, a.display_name, a.locale, COALESCE(p.mode, 'immediate') AS mode
                FROM follow_news_subject s JOIN follow f ON f.subject = s.subject AND f.account_id > ? JOIN account a ON a.id = f.account_id
                LEFT JOIN mail_preference p ON p.account_id = a.id AND p.kind = 'follows'
                WHERE s.news_id = ? AND a.confirmed_at IS NOT NULL AND a.deactivated_at IS NULL
                ORDER BY a.id LIMIT ?
                """, arguments: [news.fannedTo, news.id, batchSize]).map { row in
                Follower(account: AccountStore.Stored(id: row["id"], email: row["email"], displayName: row["display_name"], passwordHash: ""),
                         locale: tenant.offeredLocale(row["locale"]),
                         mode: MailPreferences.Mode(rawValue: row["mode"]) ?? .never)
            }
            return (news, followers)
        }
        guard let (news, followers) = read else { return (0, false) }
        let told = followers.compactMap { tell(news, to: $0, tenant: tenant, base: base) }
        let last = followers.last?.account.id ?? news.fannedTo, done = followers.count < batchSize
        try await database.write(.nothingPublic) { db in
            for item in told {
                switch item {
                case .mail(let message): try Outbox.enqueue(db, message, kind: "follow")
                case .digest(let accountID, let cadence, let group, let line):
                    try DigestItems.add(db, accountID: accountID, cadence: cadence, group: group, line: line, at: news.at)
                }
            }
            try db.execute(sql: "UPDATE follow_news SET fanned_to = ?, fanned_out_at = ? WHERE id = ?", arguments: [last, done ? Date() : nil, news.id])
        }
        return (told.filter { if case .mail = $0 { true } else { false } }.count, true)
    }

    /// What `follower` is told of `news`: a mail now, a line of their digest, or nothing.
    private func tell(_ news: News, to follower: Follower, tenant: Tenant, base: String) -> Told? {
        let locale = follower.locale, title = news.title.resolve(locale, fallbacks: tenant.locales)
        let headline = news.headline.resolve(locale, fallbacks: tenant.locales)
        let line = ([headline] + (news.detail.map { [$0.resolve(locale, fallbacks: tenant.locales)] } ?? [])).joined(separator: " — ")
        switch follower.mode {
        case .immediate:
            let text = { (key: String) in renderer.text(key, module: nil, locale: locale) }
            let mail = TenantMail(tenant: tenant, locale: locale, settings: senders.settings(tenant.slug), base: base)
            return .mail(links.notification(
                mail, to: follower.account, stops: .kind(.follows), subject: "\(title) — \(headline)",
                paragraphs: [String(format: text("notify.hello"), follower.account.displayName), text("follow.mail.intro")],
                sections: [TenantMail.Section(title: title, path: news.path, lines: [line])],
                link: (text("follow.mail.open"), news.path), closing: text("follow.mail.why"), text: text))
        case .daily, .weekly:
            return .digest(accountID: follower.account.id, cadence: follower.mode, group: (news.subject, title, news.path), line: line)
        case .never:
            return nil
        }
    }

    /// Queues every digest that is due, each with the lines that waited for it, grouped by item.
    func queueDigests(_ db: Database, tenant: Tenant, base: String, now: Date = Date()) throws -> Int {
        var queued = 0
        for (accountID, cadence, since) in try DigestItems.due(db, now: now) {
            guard let account = try AccountStore.find(db, id: accountID) else { continue }
            let items = try DigestItems.waiting(db, accountID: accountID, cadence: cadence)
            guard let first = items.first else { continue }
            let locale = tenant.offeredLocale(try String.fetchOne(db, sql: "SELECT locale FROM account WHERE id = ?", arguments: [accountID]))
            let text = { (key: String) in renderer.text(key, module: nil, locale: locale) }
            var order: [String] = [], groups: [String: [DigestItems.Item]] = [:]
            for item in items {
                if groups[item.groupKey] == nil { order.append(item.groupKey) }
                groups[item.groupKey, default: []].append(item)
            }
            let dates = DateText(locale: locale, formats: tenant.formats)
            let mail = TenantMail(tenant: tenant, locale: locale, settings: senders.settings(tenant.slug), base: base)
            let message = links.notification(
                mail, to: account, stops: .digest(cadence), subject: text("digest.subject.\(cadence.rawValue)"),
                paragraphs: [String(format: text("notify.hello"), account.displayName),
                             String(format: text("digest.intro"), dates.dateTime(since ?? first.at).text)],
                sections: order.compactMap { key in groups[key].map { lines in
                    TenantMail.Section(title: lines[0].groupTitle, path: lines[0].groupPath, lines: lines.map(\.line))
                } },
                link: (text("notify.preferences"), HostRoute.account().path), closing: text("digest.why.\(cadence.rawValue)"), text: text)
            let id = try Outbox.enqueue(db, message, kind: "digest", now: now)
            try DigestItems.carried(db, items: items, accountID: accountID, cadence: cadence, outboxID: id, now: now)
            queued += 1
        }
        return queued
    }
}

extension FollowFanout {
    /// What is due for the tenant before its mail goes: dated news recorded, then up to `batches`
    /// batches of followers told, then (once every news is told) the due digests queued. Returns
    /// whether news is left to tell, for the caller to send what was queued and come back: the first
    /// mails leave while later followers are still being written.
    func prepare(_ database: TenantDatabase, tenant: Tenant, base: String, now: Date = Date(), batches: Int = 4) async throws -> Bool {
        // each write below is taken only when there is something to write: a wake or a sweep with
        // nothing due reads, and holds no write lock an editor would wait for
        if try await database.read({ db in try DatedNews.isDue(db, now: now) }) {
            try await database.write(.nothingPublic) { db in try dated.record(db, tenant: tenant, now: now) }
        }
        for _ in 0..<batches {
            guard try await step(database, tenant: tenant, base: base).more else {
                if try await database.read({ db in try !DigestItems.due(db, now: now).isEmpty }) {
                    _ = try await database.write(.nothingPublic) { db in try queueDigests(db, tenant: tenant, base: base, now: now) }
                }
                return false
            }
        }
        return true
    }

    /// Whether `db` holds news not yet told, digest lines waiting or modules due to be asked about
    /// dated news (the minute sweep's question).
    static func hasWork(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM follow_news WHERE fanned_out_at IS NULL)") == true
            || (try DigestItems.anyWaiting(db)) || (try DatedNews.isDue(db))
    }
}
