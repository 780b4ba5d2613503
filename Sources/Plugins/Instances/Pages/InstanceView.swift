import CivicSDK
import Foundation

/// Records as template data, shared by the public pages, feeds and consoles.
enum InstanceView {
    static func file(_ name: String?, context: CivicContext) -> [[String: Any]] {
        name.map { [["href": "\(context.root)/files/\($0)", "name": $0]] } ?? []
    }

    static func member(_ member: Member, context: CivicContext) -> [String: Any] {
        [
            "name": member.name, "role": context.text("instances.role.\(member.role.rawValue)"), "quality": [context.localized(member.quality)].filter { !$0.isEmpty },
            "from": member.startedOn, "to": member.endedOn ?? "", "hasEnd": member.endedOn != nil,
            "photo": member.photo.map { [["src": "\(context.root)/files/\($0)", "alt": context.localized(member.photoAlt)]] } ?? [],
            "sample": member.sample, "editHref": "\(context.root)/admin/instances/members/\(member.id ?? 0)",
        ]
    }

    static func meeting(_ meeting: Meeting, context: CivicContext) -> [String: Any] {
        [
            "id": meeting.id ?? 0, "href": "\(context.root)/instances/meetings/\(meeting.id ?? 0)",
            "when": meeting.startsAt.replacingOccurrences(of: "T", with: " "), "day": meeting.day,
            "place": context.localized(meeting.place), "agenda": context.localized(meeting.agenda),
            "status": context.text("instances.meeting_status.\(meeting.status.rawValue)"), "statusKey": meeting.status.rawValue,
            "held": meeting.status == .held, "attendance": meeting.attendance.map { [$0] } ?? [],
            "minutes": context.localized(meeting.minutesText).isEmpty ? [] : [context.renderer.markdown(context.localized(meeting.minutesText))],
            "minutesFile": file(meeting.minutesFile, context: context), "sample": meeting.sample,
            "editHref": "\(context.root)/admin/instances/meetings/\(meeting.id ?? 0)",
        ]
    }

    static func opinion(_ opinion: Opinion, context: CivicContext) -> [String: Any] {
        [
            "id": opinion.id ?? 0, "href": "\(context.root)/instances/opinions/\(opinion.id ?? 0)",
            "title": context.localized(opinion.title), "adopted": opinion.adoptedOn, "subject": context.localized(opinion.subject),
            "body": context.renderer.markdown(context.localized(opinion.body)), "file": file(opinion.file, context: context),
            "followUp": opinion.followUp.map { [["state": context.text("instances.follow_up.\($0.rawValue)"), "key": $0.rawValue,
                                                 "reason": context.localized(opinion.followUpReason), "on": opinion.followUpOn ?? ""]] } ?? [],
            "awaiting": opinion.followUp == nil, "sample": opinion.sample,
            "editHref": "\(context.root)/admin/instances/opinions/\(opinion.id ?? 0)",
        ]
    }
}
