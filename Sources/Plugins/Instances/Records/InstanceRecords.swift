import CivicSDK
import Foundation
import GRDB

/// Who the instance is: its legal basis, mission, mandate, composition and contact (one row).
struct InstanceProfile: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "instance_profile"
    var id: Int64 = 1
    var legalBasis: LocalizedText
    var mission: LocalizedText
    var composition: LocalizedText
    var mandateStart: String?
    var mandateEnd: String?
    var contact: String
    var updatedAt: Date

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, mission, composition, contact
        case legalBasis = "legal_basis", mandateStart = "mandate_start", mandateEnd = "mandate_end", updatedAt = "updated_at"
    }

    static func load(_ db: Database) throws -> InstanceProfile? { try InstanceProfile.fetchOne(db, key: 1) }

    var auditFields: [String: String] {
        FieldChange.snapshot(["mandate_start": mandateStart ?? "", "mandate_end": mandateEnd ?? "", "contact": contact],
                             texts: ["legal_basis": legalBasis, "mission": mission, "composition": composition])
    }
}

/// A member of the instance, current or past (past members are kept, with their end date).
struct Member: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "instance_member"
    var id: Int64?
    var name: String
    var role: Role
    var quality: LocalizedText
    var startedOn: String
    var endedOn: String?
    var photo: String?
    var photoAlt: LocalizedText
    var sample: Bool

    enum Role: String, Codable, Sendable, CaseIterable { case president, rapporteur, member }

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, role, quality, photo, sample
        case startedOn = "started_on", endedOn = "ended_on", photoAlt = "photo_alt"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Whether the membership runs on `day` (`YYYY-MM-DD`).
    func isCurrent(on day: String) -> Bool { startedOn <= day && (endedOn.map { $0 >= day } ?? true) }

    var auditFields: [String: String] {
        FieldChange.snapshot(["name": name, "role": role.rawValue, "started_on": startedOn, "ended_on": endedOn ?? "", "photo": photo ?? ""],
                             texts: ["quality": quality, "photo_alt": photoAlt])
    }
}

/// A meeting: planned, held (with minutes and attendance) or cancelled.
struct Meeting: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "instance_meeting"
    var id: Int64?
    var startsAt: String
    var place: LocalizedText
    var agenda: LocalizedText
    var status: Status
    var minutesText: LocalizedText
    var minutesFile: String?
    var attendance: Int?
    var sample: Bool
    var updatedAt: Date

    enum Status: String, Codable, Sendable, CaseIterable { case planned, held, cancelled }

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, place, agenda, status, attendance, sample
        case startsAt = "starts_at", minutesText = "minutes_text", minutesFile = "minutes_file", updatedAt = "updated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The day part of ``startsAt``.
    var day: String { String(startsAt.prefix(10)) }

    var auditFields: [String: String] {
        FieldChange.snapshot(["starts_at": startsAt, "status": status.rawValue, "attendance": attendance.map(String.init) ?? "", "minutes_file": minutesFile ?? ""],
                             texts: ["place": place, "agenda": agenda, "minutes_text": minutesText])
    }
}

/// An opinion (avis) the instance gave the council, and the commune's follow-up of it.
struct Opinion: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "instance_opinion"
    var id: Int64?
    var title: LocalizedText
    var adoptedOn: String
    var subject: LocalizedText
    var body: LocalizedText
    var file: String?
    var followUp: FollowUp?
    var followUpReason: LocalizedText
    var followUpOn: String?
    var sample: Bool
    var updatedAt: Date

    enum FollowUp: String, Codable, Sendable, CaseIterable {
        case received
        case underStudy = "under_study"
        case taken
        case notTaken = "not_taken"
    }

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, subject, body, file, sample
        case adoptedOn = "adopted_on", followUp = "follow_up", followUpReason = "follow_up_reason", followUpOn = "follow_up_on"
        case updatedAt = "updated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var auditFields: [String: String] {
        FieldChange.snapshot(["adopted_on": adoptedOn, "file": file ?? "", "follow_up": followUp?.rawValue ?? "", "follow_up_on": followUpOn ?? ""],
                             texts: ["title": title, "subject": subject, "body": body, "follow_up_reason": followUpReason])
    }
}
