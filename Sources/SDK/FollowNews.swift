import Foundation
import GRDB

/// Something that happened to a public item people may follow (see ``PublicItem/Use/follow``): a
/// progress update on a commitment, a report published, a consultation's results. A module records
/// it with ``CivicContext/announce(_:_:)`` inside the write that makes it happen; the host tells the
/// item's followers (and those of what holds it) after the answer has gone, at once or in their digest.
public struct FollowNews: Sendable {
    /// The item it happened to, `kind` and `key` as its ``PublicItem`` names them.
    public let kind: String, key: String
    /// Followed items that hold it (a commitment's plan), each as `(kind, key)`.
    public let within: [(kind: String, key: String)]
    /// The item's name, in every language of the tenant.
    public let title: LocalizedText
    /// The item's page, under the tenant's root.
    public let path: String
    /// What happened, in every language (see ``CivicContext/inEveryLanguage(_:)``).
    public let headline: LocalizedText
    /// More about it, when there is more (the update's text).
    public let detail: LocalizedText?

    /// News about `kind`/`key` of the current module.
    public init(kind: String, key: String, within: [(kind: String, key: String)] = [], title: LocalizedText, path: String,
                headline: LocalizedText, detail: LocalizedText? = nil) {
        self.kind = kind
        self.key = key
        self.within = within
        self.title = title
        self.path = path
        self.headline = headline
        self.detail = detail?.isEmpty == true ? nil : detail
    }

    /// The name a follow stores for an item of `module`: `"<module>:<kind>:<key>"`.
    public static func subject(module: String, kind: String, key: String) -> String { "\(module):\(kind):\(key)" }

    /// Writes the news and the subjects it reaches, inside the caller's transaction (the host's way
    /// for ``CivicModule/newsByDate(_:_:from:to:words:)``; modules use ``CivicContext/announce(_:_:)``).
    @_spi(Host) public func insert(_ db: Database, module: String, at: Date) throws {
        try db.execute(sql: "INSERT INTO follow_news (subject, title, path, headline, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [Self.subject(module: module, kind: kind, key: key), title.json, path, headline.json, detail?.json, at])
        let id = db.lastInsertedRowID
        for (kind, key) in [(kind, key)] + within {
            try db.execute(sql: "INSERT OR IGNORE INTO follow_news_subject (news_id, subject) VALUES (?, ?)",
                           arguments: [id, Self.subject(module: module, kind: kind, key: key)])
        }
    }
}
