@_spi(Host) import CivicSDK
import Foundation
import GRDB

/// News that time makes true with no write to record it (an activity now overdue, a consultation
/// opening on its date): every few minutes the mail worker asks each enabled module of a tenant for
/// the news of the period since it last asked (``CivicModule/newsByDate(_:_:from:to:words:)``), and
/// records it with the period's end in one transaction, so each period is asked about once.
struct DatedNews: Sendable {
    let renderer: Renderer
    /// The modules enabled in a tenant.
    let modules: @Sendable (String) -> [any CivicModule]
    /// How often a tenant's modules are asked.
    static let interval: TimeInterval = 600
    private static let key = "follow.dated_until"

    /// Asks the modules about the period since the last time, if it is long enough; the first time
    /// only starts the clock (what was true before does not become news).
    func record(_ db: Database, tenant: Tenant, now: Date = Date()) throws {
        guard let since = try Self.askedUntil(db) else { return try Self.setAskedUntil(db, now) }
        guard now.timeIntervalSince(since) >= Self.interval else { return }
        for module in modules(tenant.slug) {
            let id = type(of: module).id
            let words = { (key: String) in renderer.inEveryLanguage(key, module: id, locales: tenant.locales) }
            for news in try module.newsByDate(db, tenant, from: since, to: now, words: words) { try news.insert(db, module: id, at: now) }
        }
        try Self.setAskedUntil(db, now)
    }

    /// Whether the tenant's modules are due to be asked (the minute sweep's question).
    static func isDue(_ db: Database, now: Date = Date()) throws -> Bool {
        guard let since = try askedUntil(db) else { return true }
        return now.timeIntervalSince(since) >= interval
    }

    private static func askedUntil(_ db: Database) throws -> Date? {
        try CoreSettings.value(db, key).flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    private static func setAskedUntil(_ db: Database, _ date: Date) throws {
        try CoreSettings.set(db, key, String(date.timeIntervalSince1970))
    }
}
