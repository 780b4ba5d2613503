import CivicSDK
import GRDB

/// A status a commitment or activity can have in this tenant, with the progress it stands for.
struct PlanStatus: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan_status"

    var key: String
    var label: LocalizedText
    var progress: Int
    var complete: Bool
    var position: Int

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression { case key, label, progress, complete, position }

    /// The statuses a tenant starts with (editable per tenant).
    static let defaults: [PlanStatus] = [
        PlanStatus(key: "not_started", label: ["fr": "Pas commencé", "ar": "لم يبدأ", "en": "Not started"], progress: 0, complete: false, position: 0),
        PlanStatus(key: "in_progress", label: ["fr": "En cours", "ar": "في طور الإنجاز", "en": "In progress"], progress: 50, complete: false, position: 1),
        PlanStatus(key: "delayed", label: ["fr": "En retard", "ar": "متأخر", "en": "Delayed"], progress: 25, complete: false, position: 2),
        PlanStatus(key: "completed", label: ["fr": "Achevé", "ar": "منجز", "en": "Completed"], progress: 100, complete: true, position: 3),
        PlanStatus(key: "cancelled", label: ["fr": "Abandonné", "ar": "ملغى", "en": "Cancelled"], progress: 0, complete: true, position: 4),
    ]
}
