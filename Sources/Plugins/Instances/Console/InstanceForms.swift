import CivicSDK
import Foundation

/// Console forms of the instances module, read and checked before anything is stored; a refused
/// form is shown again as typed. Field errors are string keys.
enum InstanceForms {
    static let documentKinds: Set<FileKind> = [.pdf, .odt, .docx]
    static let photoKinds: Set<FileKind> = [.png, .jpeg, .webp]

    /// `YYYY-MM-DDTHH:MM` with a real date and time, or `nil`.
    static func dateTime(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        guard text.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$", options: .regularExpression) != nil,
              ISODate.day(String(text.prefix(10))) != nil, let hour = Int(text.dropFirst(11).prefix(2)), let minute = Int(text.suffix(2)),
              hour < 24, minute < 60 else { return nil }
        return text
    }

    /// An optional day: `""` is fine (`nil`), anything else must be a real `YYYY-MM-DD`.
    static func optionalDay(_ raw: String, error: String, into errors: inout [String]) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let day = ISODate.day(text) else { errors.append(error); return nil }
        return day
    }
}

struct ProfileForm: Sendable {
    var legalBasis: LocalizedText = [:]
    var mission: LocalizedText = [:]
    var composition: LocalizedText = [:]
    var mandateStart = ""
    var mandateEnd = ""
    var contact = ""
    var errors: [String] = []

    init() {}

    init(_ profile: InstanceProfile) {
        legalBasis = profile.legalBasis
        mission = profile.mission
        composition = profile.composition
        mandateStart = profile.mandateStart ?? ""
        mandateEnd = profile.mandateEnd ?? ""
        contact = profile.contact
    }

    init(form: FormData, locales: [String]) {
        legalBasis = form.localized("legal_basis", locales: locales)
        mission = form.localized("mission", locales: locales)
        composition = form.localized("composition", locales: locales)
        mandateStart = form.text("mandate_start")
        mandateEnd = form.text("mandate_end")
        contact = form.text("contact")
        let start = InstanceForms.optionalDay(mandateStart, error: "instances.error.mandate_start", into: &errors)
        let end = InstanceForms.optionalDay(mandateEnd, error: "instances.error.mandate_end", into: &errors)
        if let start, let end, end < start { errors.append("instances.error.mandate_order") }
        if end != nil && start == nil && errors.isEmpty { errors.append("instances.error.mandate_start") }
        if mission.isEmpty { errors.append("instances.error.mission") }
        if contact.count > 500 { errors.append("instances.error.contact") }
    }

    func profile(now: Date = Date()) -> InstanceProfile? {
        guard errors.isEmpty else { return nil }
        return InstanceProfile(legalBasis: legalBasis, mission: mission, composition: composition,
                               mandateStart: mandateStart.isEmpty ? nil : mandateStart, mandateEnd: mandateEnd.isEmpty ? nil : mandateEnd,
                               contact: contact, updatedAt: now)
    }
}

struct MemberForm: Sendable {
    var name = ""
    var role = Member.Role.member.rawValue
    var quality: LocalizedText = [:]
    var startedOn = ""
    var endedOn = ""
    var photoAlt: LocalizedText = [:]
    var removePhoto = false
    var photo: UploadedFile?
    var errors: [String] = []

    init() {}

    init(_ member: Member) {
        name = member.name
        role = member.role.rawValue
        quality = member.quality
        startedOn = member.startedOn
        endedOn = member.endedOn ?? ""
        photoAlt = member.photoAlt
    }

    /// `hasPhoto`: whether the member already has a photo the new alt text describes.
    init(form: FormData, locales: [String], hasPhoto: Bool) {
        name = form.text("name")
        role = form.text("role")
        quality = form.localized("quality", locales: locales)
        startedOn = form.text("started_on")
        endedOn = form.text("ended_on")
        photoAlt = form.localized("photo_alt", locales: locales)
        removePhoto = form.isChecked("remove_photo")
        photo = form.file("photo").flatMap { $0.bytes.isEmpty ? nil : $0 }
        if name.isEmpty || name.count > 200 { errors.append("instances.error.member_name") }
        if Member.Role(rawValue: role) == nil { errors.append("instances.error.member_role") }
        let start = ISODate.day(startedOn)
        if start == nil { errors.append("instances.error.started_on") }
        let end = InstanceForms.optionalDay(endedOn, error: "instances.error.ended_on", into: &errors)
        if let start, let end, end < start { errors.append("instances.error.membership_order") }
        // a photo needs a text alternative for people who cannot see it
        if (photo != nil || (hasPhoto && !removePhoto)) && photoAlt.isEmpty { errors.append("instances.error.photo_alt") }
    }

    func apply(to existing: Member?, photo stored: String?) -> Member? {
        guard errors.isEmpty, let role = Member.Role(rawValue: role) else { return nil }
        var member = existing ?? Member(id: nil, name: name, role: role, quality: quality, startedOn: startedOn, endedOn: nil, photo: nil,
                                        photoAlt: photoAlt, sample: false)
        member.name = name
        member.role = role
        member.quality = quality
        member.startedOn = startedOn
        member.endedOn = endedOn.isEmpty ? nil : endedOn
        member.photoAlt = photoAlt
        if let stored { member.photo = stored } else if removePhoto { member.photo = nil }
        return member
    }
}

struct MeetingForm: Sendable {
    var startsAt = ""
    var place: LocalizedText = [:]
    var agenda: LocalizedText = [:]
    var status = Meeting.Status.planned.rawValue
    var minutesText: LocalizedText = [:]
    var attendance = ""
    var file: UploadedFile?
    var errors: [String] = []

    init() {}

    init(_ meeting: Meeting) {
        startsAt = meeting.startsAt
        place = meeting.place
        agenda = meeting.agenda
        status = meeting.status.rawValue
        minutesText = meeting.minutesText
        attendance = meeting.attendance.map(String.init) ?? ""
    }

    init(form: FormData, locales: [String]) {
        startsAt = form.text("starts_at")
        place = form.localized("place", locales: locales)
        agenda = form.localized("agenda", locales: locales)
        status = form.text("status")
        minutesText = form.localized("minutes_text", locales: locales)
        attendance = form.text("attendance")
        file = form.file("minutes_file").flatMap { $0.bytes.isEmpty ? nil : $0 }
        if InstanceForms.dateTime(startsAt) == nil { errors.append("instances.error.starts_at") }
        let kind = Meeting.Status(rawValue: status)
        if kind == nil { errors.append("instances.error.meeting_status") }
        if agenda.isEmpty { errors.append("instances.error.agenda") }
        if !attendance.isEmpty {
            if let count = Int(attendance), count >= 0, count <= 10_000 {
                if kind != .held { errors.append("instances.error.attendance_not_held") }
            } else {
                errors.append("instances.error.attendance")
            }
        }
        if (file != nil || !minutesText.isEmpty) && kind != .held { errors.append("instances.error.minutes_not_held") }
    }

    func apply(to existing: Meeting?, minutesFile stored: String?, now: Date = Date()) -> Meeting? {
        guard errors.isEmpty, let status = Meeting.Status(rawValue: status), let startsAt = InstanceForms.dateTime(startsAt) else { return nil }
        var meeting = existing ?? Meeting(id: nil, startsAt: startsAt, place: place, agenda: agenda, status: status, minutesText: [:],
                                          minutesFile: nil, attendance: nil, sample: false, updatedAt: now)
        meeting.startsAt = startsAt
        meeting.place = place
        meeting.agenda = agenda
        meeting.status = status
        meeting.minutesText = minutesText
        if let stored { meeting.minutesFile = stored }
        meeting.attendance = Int(attendance)
        meeting.updatedAt = now
        return meeting
    }
}

struct OpinionForm: Sendable {
    var title: LocalizedText = [:]
    var adoptedOn = ""
    var subject: LocalizedText = [:]
    var body: LocalizedText = [:]
    var file: UploadedFile?
    var errors: [String] = []

    init() {}

    init(_ opinion: Opinion) {
        title = opinion.title
        adoptedOn = opinion.adoptedOn
        subject = opinion.subject
        body = opinion.body
    }

    /// Reads the form; `today` is the tenant's, after which no opinion can have been adopted.
    init(form: FormData, locales: [String], today: String) {
        title = form.localized("title", locales: locales)
        adoptedOn = form.text("adopted_on")
        subject = form.localized("subject", locales: locales)
        body = form.localized("body", locales: locales)
        file = form.file("file").flatMap { $0.bytes.isEmpty ? nil : $0 }
        if title.isEmpty { errors.append("instances.error.opinion_title") }
        if ISODate.day(adoptedOn) == nil { errors.append("instances.error.adopted_on") } else if adoptedOn > today {
            errors.append("instances.error.adopted_future")
        }
        if body.isEmpty && file == nil { errors.append("instances.error.opinion_body") }
    }

    func apply(to existing: Opinion?, file stored: String?, now: Date = Date()) -> Opinion? {
        guard errors.isEmpty else { return nil }
        var opinion = existing ?? Opinion(id: nil, title: title, adoptedOn: adoptedOn, subject: subject, body: body, file: nil, followUp: nil,
                                          followUpReason: [:], followUpOn: nil, sample: false, updatedAt: now)
        opinion.title = title
        opinion.adoptedOn = adoptedOn
        opinion.subject = subject
        opinion.body = body
        if let stored { opinion.file = stored }
        opinion.updatedAt = now
        return opinion
    }
}

/// The commune's follow-up of an opinion: a state and, except on receipt, a public reason.
struct FollowUpInput: Sendable {
    var state = ""
    var reason: LocalizedText = [:]
    var on = ""
    var errors: [String] = []
    /// The tenant's languages the reason misses; the follow-up is held back once until staff confirm.
    var missing: MissingTranslations?

    /// The form as the opinion's current follow-up fills it (the day defaults to `today`).
    init(_ opinion: Opinion, today: String) {
        state = opinion.followUp?.rawValue ?? Opinion.FollowUp.received.rawValue
        reason = opinion.followUpReason
        on = opinion.followUpOn ?? today
    }

    init(form: FormData, locales: [String]) {
        state = form.text("follow_up")
        reason = form.localized("follow_up_reason", locales: locales)
        on = form.text("follow_up_on")
        missing = MissingTranslations(reason, languages: locales, form: form)
        guard let kind = Opinion.FollowUp(rawValue: state) else { errors.append("instances.error.follow_up"); return }
        if kind != .received && reason.isEmpty { errors.append("instances.error.follow_up_reason") }
        if ISODate.day(on) == nil { errors.append("instances.error.follow_up_on") }
    }
}
