import CivicSDK
import Foundation
import GRDB

/// A communal action plan (e.g. "Tétouan, commune ouverte 2023-2026").
struct Plan: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan"
    var id: Int64?
    var title: LocalizedText
    var description: LocalizedText
    var startYear: Int
    var endYear: Int
    var status: Status
    var createdAt: Date
    var updatedAt: Date
    /// The public drafting phase, when the plan is drafted with citizens: proposals are taken from the
    /// first day to the last (`YYYY-MM-DD`, both included).
    var draftingOpens: String? = nil
    var draftingCloses: String? = nil

    /// Where a plan stands (the schema's CHECK lists the same values).
    enum Status: String, Codable, Sendable, CaseIterable {
        case draft
        case inForce = "in_force"
        case closed
    }

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, description, status
        case startYear = "start_year", endYear = "end_year", createdAt = "created_at", updatedAt = "updated_at"
        case draftingOpens = "drafting_opens", draftingCloses = "drafting_closes"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The plan shown at `{root}/plans`: the latest in force, else the latest — but never a plan
    /// being drafted with citizens, which has its own pages (see ``PlanDrafting``).
    static func current(_ db: Database) throws -> Plan? {
        try Plan.filter(sql: "NOT (status = 'draft' AND drafting_opens IS NOT NULL)")
            .order(sql: "status = 'in_force' DESC, start_year DESC, id DESC").fetchOne(db)
    }
}

/// One commitment (engagement) of a plan, as on the OGP commitment sheet.
struct Commitment: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "commitment"
    var id: Int64?
    var planID: Int64
    var number: Int
    var title: LocalizedText
    /// Comma-separated OGP principles (see ``OGPPrinciple``).
    var principles: String
    var leadServices: LocalizedText
    var otherActors: LocalizedText
    var problem: LocalizedText
    var solution: LocalizedText
    var expectedResults: LocalizedText
    var status: String
    var completion: String
    var published: Bool
    var position: Int
    var updatedAt: Date
    /// The citizen's proposal (a suggestion's id) this commitment came from, if any.
    var proposal: Int64? = nil

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, number, title, principles, problem, solution, status, completion, published, position, proposal
        case planID = "plan_id", leadServices = "lead_services", otherActors = "other_actors"
        case expectedResults = "expected_results", updatedAt = "updated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var principleList: [OGPPrinciple] { principles.split(separator: ",").compactMap { OGPPrinciple(rawValue: String($0)) } }
}

/// An activity of a commitment, scheduled by month.
struct Activity: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "activity"
    var id: Int64?
    var commitmentID: Int64
    var title: LocalizedText
    var plannedStart: String
    var plannedEnd: String
    var actualStart: String?
    var actualEnd: String?
    var status: String
    var progress: Int
    var responsible: LocalizedText
    var deliverable: LocalizedText
    var position: Int

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, status, progress, responsible, deliverable, position
        case commitmentID = "commitment_id", plannedStart = "planned_start", plannedEnd = "planned_end"
        case actualStart = "actual_start", actualEnd = "actual_end"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Past its planned end and not complete.
    func isLate(today: YearMonth, statuses: [String: PlanStatus]) -> Bool {
        guard let end = YearMonth(plannedEnd) else { return false }
        return end < today && progress < 100 && statuses[status]?.complete != true
    }
}

/// A dated entry of a commitment's public timeline.
struct ProgressUpdate: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "progress_update"
    var id: Int64?
    var commitmentID: Int64
    var activityID: Int64?
    var date: String
    var text: LocalizedText
    var newProgress: Int?
    var newStatus: String?
    var sample: Bool
    var author: String
    /// Stored file name of the evidence (see `TenantFiles`), and the name the editor gave it.
    var evidence: String?
    var evidenceLabel: String?

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, date, text, sample, author, evidence
        case evidenceLabel = "evidence_label"
        case commitmentID = "commitment_id", activityID = "activity_id", newProgress = "new_progress", newStatus = "new_status"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A result or impact indicator of a commitment; `source` links it to a live platform figure.
struct PlanIndicator: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan_indicator"
    var id: Int64?
    var commitmentID: Int64
    var name: LocalizedText
    var kind: String
    var unit: LocalizedText
    var baseline: Double?
    var target: Double?
    var source: String?
    var position: Int
    /// When the baseline was measured and when the target is due (`YYYY-MM-DD`).
    var baselineDate: String? = nil
    var targetDate: String? = nil

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, kind, unit, baseline, target, source, position
        case commitmentID = "commitment_id", baselineDate = "baseline_date", targetDate = "target_date"
    }

    /// How far `value` has come from the baseline to the target, in percent (not capped: beyond the
    /// target shows as more than 100); `nil` where it means nothing (no baseline or target, or equal).
    /// `computed` stands for a baseline not typed: a linked figure's value at the baseline date.
    func percentOfTarget(_ value: Double, baseline computed: Double? = nil) -> Int? {
        guard let baseline = baseline ?? computed, let target, target != baseline else { return nil }
        return Int(((value - baseline) / (target - baseline) * 100).rounded())
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A dated measure of an indicator typed by an editor.
struct PlanIndicatorValue: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan_indicator_value"
    var id: Int64?
    var indicatorID: Int64
    var date: String
    var value: Double

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, date, value
        case indicatorID = "indicator_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The OGP principles a commitment serves.
enum OGPPrinciple: String, CaseIterable, Sendable {
    case transparency, accountability, participation, technology
}

extension Commitment {
    /// Read column by column rather than through `Decodable`, several times faster: pages read
    /// every commitment of a plan.
    init(row: GRDB.Row) throws {
        id = try row.decode(forColumn: "id")
        planID = try row.decode(forColumn: "plan_id")
        number = try row.decode(forColumn: "number")
        title = try row.decode(forColumn: "title")
        principles = try row.decode(forColumn: "principles")
        leadServices = try row.decode(forColumn: "lead_services")
        otherActors = try row.decode(forColumn: "other_actors")
        problem = try row.decode(forColumn: "problem")
        solution = try row.decode(forColumn: "solution")
        expectedResults = try row.decode(forColumn: "expected_results")
        status = try row.decode(forColumn: "status")
        completion = try row.decode(forColumn: "completion")
        published = try row.decode(forColumn: "published")
        position = try row.decode(forColumn: "position")
        updatedAt = try row.decode(forColumn: "updated_at")
        proposal = try row.decode(forColumn: "proposal")
    }
}

extension Activity {
    /// Read column by column rather than through `Decodable`, several times faster: a plan has
    /// hundreds of activities and most plan pages read them all.
    init(row: GRDB.Row) throws {
        id = try row.decode(forColumn: "id")
        commitmentID = try row.decode(forColumn: "commitment_id")
        title = try row.decode(forColumn: "title")
        plannedStart = try row.decode(forColumn: "planned_start")
        plannedEnd = try row.decode(forColumn: "planned_end")
        actualStart = try row.decode(forColumn: "actual_start")
        actualEnd = try row.decode(forColumn: "actual_end")
        status = try row.decode(forColumn: "status")
        progress = try row.decode(forColumn: "progress")
        responsible = try row.decode(forColumn: "responsible")
        deliverable = try row.decode(forColumn: "deliverable")
        position = try row.decode(forColumn: "position")
    }
}
