import CivicSDK
import Foundation
import GRDB

/// A consultation: what it asks, about what, to whom, and when.
struct Consultation: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "consultation"
    var id: Int64?
    var title: LocalizedText
    var description: LocalizedText
    var subject: String?
    var opensAt: Date
    var closesAt: Date
    var audience: Audience
    var status: Status
    var sample: Bool
    var createdAt: Date
    var updatedAt: Date

    enum Audience: String, Codable, Sendable, CaseIterable { case anyone, accounts }

    /// What staff set; the dates then decide whether an open consultation takes answers now (see ``phase(at:)``).
    enum Status: String, Codable, Sendable, CaseIterable { case draft, open, closed, published }

    /// Where a consultation stands for its readers at a given moment.
    enum Phase: String, Sendable { case draft, upcoming, open, closed, results }

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, description, subject, audience, status, sample
        case opensAt = "opens_at", closesAt = "closes_at", createdAt = "created_at", updatedAt = "updated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func phase(at now: Date = Date()) -> Phase {
        switch status {
        case .draft: .draft
        case .published: .results
        case .closed: .closed
        case .open: now < opensAt ? .upcoming : (now >= closesAt ? .closed : .open)
        }
    }

    /// Whether visitors may see it at all.
    var isPublic: Bool { status != .draft }

    /// Fields for the audit log, one per translation.
    var auditFields: [String: String] {
        FieldChange.snapshot(["subject": subject ?? "", "opens_at": opensAt.formatted(.iso8601), "closes_at": closesAt.formatted(.iso8601),
                              "audience": audience.rawValue, "status": status.rawValue],
                             texts: ["title": title, "description": description])
    }
}

/// One question (or a section heading) of a consultation.
struct Question: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "consultation_question"
    var id: Int64?
    var consultationID: Int64
    var position: Int
    var type: QuestionType
    var title: LocalizedText
    var help: LocalizedText
    var required: Bool
    var minChoices: Int
    var maxChoices: Int
    var scaleMin: Int
    var scaleMax: Int

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, position, type, title, help, required
        case consultationID = "consultation_id", minChoices = "min_choices", maxChoices = "max_choices"
        case scaleMin = "scale_min", scaleMax = "scale_max"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A choice offered by a single, multiple or ranking question.
struct QuestionOption: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "consultation_option"
    var id: Int64?
    var questionID: Int64
    var position: Int
    var label: LocalizedText

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, position, label
        case questionID = "question_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The kinds of question a consultation can ask.
enum QuestionType: String, Codable, Sendable, CaseIterable {
    case section
    case shortText = "short_text"
    case longText = "long_text"
    case single, multiple, scale, ranking
    case yesNo = "yes_no"

    /// Whether the question offers a list of options.
    var hasOptions: Bool { self == .single || self == .multiple || self == .ranking }
    /// Whether answers are free text (listed, moderated) rather than counted.
    var isText: Bool { self == .shortText || self == .longText }
    /// Longest accepted free-text answer.
    var maxLength: Int { self == .shortText ? 300 : 4_000 }
}
