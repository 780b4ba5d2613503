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

    enum CodingKeys: String, CodingKey {
        case id, mission, composition, contact
        case legalBasis = "legal_basis", mandateStart = "mandate_start", mandateEnd = "mandate_end", updatedAt = "updated_at"
    }

    /// Columns for requests, named as the properties are.
    enum Columns {
        static let id = Column(CodingKeys.id), mission = Column(CodingKeys.mission), composition = Column(CodingKeys.composition)
        static let contact = Column(CodingKeys.contact), legalBasis = Column(CodingKeys.legalBasis)
        static let mandateStart = Column(CodingKeys.mandateStart), mandateEnd = Column(CodingKeys.mandateEnd)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    static func load(_ db: Database) throws -> InstanceProfile? { try InstanceProfile.fetchOne(db, key: 1) }

    /// `2022 – 2027`-style period, or `""`.
    var mandate: String {
        guard let start = mandateStart else { return "" }
        return "\(start) – \(mandateEnd ?? "…")"
    }

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

    enum CodingKeys: String, CodingKey {
        case id, name, role, quality, photo, sample
        case startedOn = "started_on", endedOn = "ended_on", photoAlt = "photo_alt"
    }

    /// Columns for requests, named as the properties are.
    enum Columns {
        static let id = Column(CodingKeys.id), name = Column(CodingKeys.name), role = Column(CodingKeys.role)
        static let quality = Column(CodingKeys.quality), photo = Column(CodingKeys.photo), sample = Column(CodingKeys.sample)
        static let startedOn = Column(CodingKeys.startedOn), endedOn = Column(CodingKeys.endedOn), photoAlt = Column(CodingKeys.photoAlt)
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

    enum CodingKeys: String, CodingKey {
        case id, place, agenda, status, attendance, sample
        case startsAt = "starts_at", minutesText = "minutes_text", minutesFile = "minutes_file", updatedAt = "updated_at"
    }

    /// Columns for requests, named as the properties are.
    enum Columns {
        static let id = Column(CodingKeys.id), place = Column(CodingKeys.place), agenda = Column(CodingKeys.agenda)
        static let status = Column(CodingKeys.status), attendance = Column(CodingKeys.attendance), sample = Column(CodingKeys.sample)
        static let startsAt = Column(CodingKeys.startsAt), minutesText = Column(CodingKeys.minutesText)
        static let minutesFile = Column(CodingKeys.minutesFile), updatedAt = Column(CodingKeys.updatedAt)
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

    enum CodingKeys: String, CodingKey {
        case id, title, subject, body, file, sample
        case adoptedOn = "adopted_on", followUp = "follow_up", followUpReason = "follow_up_reason", followUpOn = "follow_up_on"
        case updatedAt = "updated_at"
    }

    /// Columns for requests, named as the properties are.
    enum Columns {
        static let id = Column(CodingKeys.id), title = Column(CodingKeys.title), subject = Column(CodingKeys.subject)
        static let body = Column(CodingKeys.body), file = Column(CodingKeys.file), sample = Column(CodingKeys.sample)
        static let adoptedOn = Column(CodingKeys.adoptedOn), followUp = Column(CodingKeys.followUp)
        static let followUpReason = Column(CodingKeys.followUpReason), followUpOn = Column(CodingKeys.followUpOn)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var auditFields: [String: String] {
        FieldChange.snapshot(["adopted_on": adoptedOn, "file": file ?? "", "follow_up": followUp?.rawValue ?? "", "follow_up_on": followUpOn ?? ""],
                             texts: ["title": title, "subject": subject, "body": body, "follow_up_reason": followUpReason])
    }
}
