import CivicSDK
import Foundation
import GRDB

/// A published (or draft, or withdrawn) document of the archive.
struct Report: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "report"
    var id: Int64?
    var title: LocalizedText
    var summary: LocalizedText
    var type: String
    var periodStart: String?
    var periodEnd: String?
    var year: Int
    var publishedOn: String?
    /// Comma-separated locale codes of the document itself.
    var languages: String
    var status: Status
    var withdrawnReason: LocalizedText
    var sample: Bool
    var createdAt: Date
    var updatedAt: Date

    /// Where a report stands (the schema's CHECK lists the same values).
    enum Status: String, Codable, Sendable {
        case draft, published, withdrawn
    }

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, summary, type, year, languages, status, sample
        case periodStart = "period_start", periodEnd = "period_end", publishedOn = "published_on"
        case withdrawnReason = "withdrawn_reason", createdAt = "created_at", updatedAt = "updated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Published and withdrawn reports are public (a withdrawal stays listed with its reason).
    var isPublic: Bool { status != .draft }

    var auditFields: [String: String] {
        FieldChange.snapshot(["type": type, "year": String(year), "period_start": periodStart ?? "", "period_end": periodEnd ?? "",
                              "published_on": publishedOn ?? "", "languages": languages, "status": status.rawValue],
                             texts: ["title": title, "summary": summary, "withdrawn_reason": withdrawnReason])
    }
}

/// A file of a report, stored under a platform-chosen name.
struct ReportFile: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "report_file"
    var id: Int64?
    var reportID: Int64
    var storedName: String
    /// The name the editor's file had, offered back on download.
    var label: String
    var kind: String
    var size: Int
    var sha256: String
    var downloads: Int

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, label, kind, size, sha256, downloads
        case reportID = "report_id", storedName = "stored_name"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A kind of report (configurable per tenant).
struct ReportType: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report_type"
    var key: String
    var label: LocalizedText
    var position: Int

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression { case key, label, position }
}

/// A report the tenant commits to publish every year by a date (e.g. the annual report by 31 March).
struct ExpectedReport: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "expected_report"
    var id: Int64?
    var type: String
    var label: LocalizedText
    var dueMonth: Int
    var dueDay: Int
    var firstYear: Int

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, type, label
        case dueMonth = "due_month", dueDay = "due_day", firstYear = "first_year"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
