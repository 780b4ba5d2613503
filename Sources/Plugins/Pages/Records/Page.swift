import CivicSDK
import Foundation
import GRDB

/// A content page of one tenant.
struct Page: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "page"

    var id: Int64?
    var slug: String
    var title: LocalizedText
    var body: LocalizedText
    var published: Bool
    var position: Int
    var createdAt: Date
    var updatedAt: Date

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, slug, title, body, published, position
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    static func publishedInOrder() -> QueryInterfaceRequest<Page> {
        Page.filter(Columns.published == true).order(Columns.position, Columns.slug)
    }

    /// Slug and title of the published pages, in order, without decoding their bodies (lists and cards).
    static func publishedLinks(_ db: Database, limit: Int? = nil) throws -> [(slug: String, title: LocalizedText)] {
        try Row.fetchAll(db, publishedInOrder().select(Columns.slug, Columns.title).limit(limit ?? -1)).map {
            ($0[Columns.slug], $0[Columns.title])
        }
    }

    /// Field snapshot for the audit log, one entry per translation.
    var auditFields: [String: String] {
        FieldChange.snapshot(["slug": slug, "position": String(position), "published": String(published)], texts: ["title": title, "body": body])
    }
}
