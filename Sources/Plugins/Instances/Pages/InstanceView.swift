import CivicSDK
import Foundation

/// A stored file of the instance, linked from its page.
struct FileLink: TemplateModel {
    static let fields = TemplateFields<Self>(["href": \.href, "name": \.name])
    let href: String, name: String

    init?(_ name: String?, context: CivicContext) {
        guard let name else { return nil }
        href = HostRoute.file(name).href(context)
        self.name = name
    }
}

/// A member as the pages show them (the `instances/member` partial).
struct MemberView: TemplateModel {
    static let fields = TemplateFields<Self>(["name": \.name, "role": \.role, "quality": \.quality, "period": \.period,
                                              "photo": \.photo, "sample": \.sample, "editHref": \.editHref])

    struct Photo: TemplateModel {
        static let fields = TemplateFields<Self>(["src": \.src, "alt": \.alt])
        let src: String, alt: String
    }

    let name: String, role: String, quality: String?, period: TimeSpan, photo: Photo?, sample: Bool, editHref: String

    init(_ member: Member, context: CivicContext) {
        name = member.name
        role = context.text("instances.role.\(member.role.rawValue)")
        let quality = context.localized(member.quality)
        self.quality = quality.isEmpty ? nil : quality
        period = context.dates.span(member.startedOn, member.endedOn)
        photo = member.photo.map { Photo(src: HostRoute.file($0).href(context), alt: context.localized(member.photoAlt)) }
        sample = member.sample
        editHref = InstanceRoute.member(member.id ?? 0).href(context)
    }
}

/// A meeting as the pages show it.
struct MeetingView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "href": \.href, "when": \.when, "place": \.place, "agenda": \.agenda, "status": \.status, "held": \.held,
        "attendance": \.attendance, "minutes": \.minutes, "minutesFile": \.minutesFile, "sample": \.sample, "editHref": \.editHref,
    ])
    let href: String, when: TimeText, place: String, agenda: String, status: String, held: Bool, attendance: Int?
    /// The minutes as HTML, when written.
    let minutes: String?, minutesFile: FileLink?, sample: Bool, editHref: String

    init(_ meeting: Meeting, context: CivicContext) {
        href = InstanceRoute.meeting(meeting.id ?? 0).href(context)
        when = context.dates.dateTime(local: meeting.startsAt)
        place = context.localized(meeting.place)
        agenda = context.localized(meeting.agenda)
        status = context.text("instances.meeting_status.\(meeting.status.rawValue)")
        held = meeting.status == .held
        attendance = meeting.attendance
        let text = context.localized(meeting.minutesText)
        minutes = text.isEmpty ? nil : context.renderer.markdown(text)
        minutesFile = FileLink(meeting.minutesFile, context: context)
        sample = meeting.sample
        editHref = InstanceRoute.meetingForm(meeting.id ?? 0).href(context)
    }
}

/// An opinion as the pages show it, with the commune's follow-up.
struct OpinionView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "href": \.href, "title": \.title, "adopted": \.adopted, "subject": \.subject, "body": \.body, "file": \.file,
        "followUp": \.followUp, "awaiting": \.awaiting, "sample": \.sample, "editHref": \.editHref,
    ])

    struct FollowUp: TemplateModel {
        static let fields = TemplateFields<Self>(["state": \.state, "reason": \.reason, "on": \.on])
        let state: String, reason: LanguageText, on: TimeText?
    }

    let href: String, title: LanguageText, adopted: TimeText, subject: LanguageText, body: String, file: FileLink?, followUp: FollowUp?
    let sample: Bool, editHref: String
    var awaiting: Bool { followUp == nil }

    init(_ opinion: Opinion, context: CivicContext) {
        href = InstanceRoute.opinion(opinion.id ?? 0).href(context)
        title = context.shown(opinion.title)
        adopted = context.dates.day(opinion.adoptedOn)
        subject = context.shown(opinion.subject)
        body = context.renderer.markdown(context.localized(opinion.body))
        file = FileLink(opinion.file, context: context)
        followUp = opinion.followUp.map { FollowUp(state: context.text("instances.follow_up.\($0.rawValue)"),
                                                   reason: context.shown(opinion.followUpReason), on: opinion.followUpOn.map { context.dates.day($0) }) }
        sample = opinion.sample
        editHref = InstanceRoute.opinionForm(opinion.id ?? 0).href(context)
    }
}
