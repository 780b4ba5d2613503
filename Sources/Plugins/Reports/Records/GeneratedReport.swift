import CivicSDK
import Foundation
import GRDB

/// A monitoring report written by the platform (see ``MonitoringContent``), stored whole when
/// published beside its ``Report`` row: what it said and its figures never change afterwards.
struct GeneratedReport: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report_generated"
    var reportID: Int64
    var content: MonitoringContent
    var introduction: LocalizedText
    var conclusions: LocalizedText
    var generatedAt: Date

    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case content, introduction, conclusions
        case reportID = "report_id", generatedAt = "generated_at"
    }

    /// The content is stored as JSON text, keys sorted so the same report always reads the same.
    static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
