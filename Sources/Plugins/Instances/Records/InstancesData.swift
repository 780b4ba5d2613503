import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// The instance's section as data: `meetings.ics` (upcoming meetings), `feed.atom` (opinions and
/// meetings), CSV of members, meetings and opinions, and `{root}/api/v1/instances`.
struct InstancesData {
    let services: ModuleServices
    func registerSite(_ group: RouterGroup<CivicContext>) {
        group.get("meetings.ics", use: calendar)
        group.get("feed.atom", use: atom)
        group.get("members.csv", use: membersCSV)
        group.get("meetings.csv", use: meetingsCSV)
        group.get("opinions.csv", use: opinionsCSV)
    }

    func registerAPI(_ group: RouterGroup<CivicContext>) {
        group.get(use: api)
    }

    @Sendable func calendar(_ request: Request, context: CivicContext) async throws -> Response {
        try InstancesSite.requireInstance(context)
        let today = context.tenant.today
        let meetings = try await context.database.read { db in
            try Meeting.filter(Meeting.Columns.startsAt >= today).order(Meeting.Columns.startsAt).fetchAll(db)
        }
        // calendar clients need full addresses: the configured one, never the request's Host
        let base = context.request.publicBase
        let calendar = ICalendar(name: context.tenant.displayName(context.locale), events: meetings.map { meeting in
            .init(uid: "meeting-\(meeting.id ?? 0)@\(context.tenant.slug).opencommune", start: context.dates.instant(local: meeting.startsAt) ?? Date(),
                  summary: "\(context.tenant.displayName(context.locale)) — \(context.text("instances.meeting"))",
                  location: context.localized(meeting.place), description: context.localized(meeting.agenda),
                  url: InstanceRoute.meeting(meeting.id ?? 0).path(base), cancelled: meeting.status == .cancelled)
        })
        return DataResponse.publicText(calendar.text, contentType: "text/calendar; charset=utf-8", downloadName: "\(context.tenant.slug)-meetings.ics")
    }

    @Sendable func atom(_ request: Request, context: CivicContext) async throws -> Response {
        try InstancesSite.requireInstance(context)
        let (opinions, meetings) = try await context.database.read { db in
            (try Opinion.order(Opinion.Columns.adoptedOn.desc).limit(30).fetchAll(db), try Meeting.order(Meeting.Columns.startsAt.desc).limit(30).fetchAll(db))
        }
        let slug = context.tenant.slug
        let author = context.tenant.displayName(context.locale)
        var entries: [(updated: String, entry: AtomFeed.Entry)] = opinions.map { opinion in
            let updated = opinion.updatedAt.formatted(.iso8601)
            return (updated, AtomFeed.Entry(id: "urn:opencommune:\(slug):opinion:\(opinion.id ?? 0)", title: context.localized(opinion.title),
                                            updated: updated, author: author, href: InstanceRoute.opinion(opinion.id ?? 0).href(context),
                                            summary: context.localized(opinion.subject)))
        }
        entries += meetings.map { meeting in
            let updated = meeting.updatedAt.formatted(.iso8601)
            let when = meeting.startsAt.replacingOccurrences(of: "T", with: " ")
            return (updated, AtomFeed.Entry(id: "urn:opencommune:\(slug):meeting:\(meeting.id ?? 0)",
                                            title: "\(context.text("instances.meeting")) \(when) — \(context.text("instances.meeting_status.\(meeting.status.rawValue)"))",
                                            updated: updated, author: author, href: InstanceRoute.meeting(meeting.id ?? 0).href(context),
                                            summary: context.localized(meeting.agenda)))
        }
        entries.sort { $0.updated > $1.updated }
        let body = try AtomFeed(id: "urn:opencommune:\(slug):instances", title: author, updated: entries.first?.updated ?? "2000-01-01T00:00:00Z",
                                selfHref: InstanceRoute.feed.href(context), siteHref: InstanceRoute.overview.href(context),
                                entries: entries.map(\.entry)).render(context)
        return DataResponse.publicText(body, contentType: "application/atom+xml; charset=utf-8", downloadName: nil)
    }

    private func csv(_ name: String, _ header: [String], _ rows: [[String]], context: CivicContext) -> Response {
        DataResponse.publicText(CSV.document(header: header, rows: rows), contentType: "text/csv; charset=utf-8",
                                downloadName: "\(context.tenant.slug)-\(name).csv")
    }

    @Sendable func membersCSV(_ request: Request, context: CivicContext) async throws -> Response {
        try InstancesSite.requireInstance(context)
        let members = try await context.database.read { db in try Member.order(Member.Columns.startedOn, Member.Columns.name).fetchAll(db) }
        return csv("members", ["name", "role", "quality", "started_on", "ended_on"], members.map {
            [$0.name, $0.role.rawValue, context.localized($0.quality), $0.startedOn, $0.endedOn ?? ""]
        }, context: context)
    }

    @Sendable func meetingsCSV(_ request: Request, context: CivicContext) async throws -> Response {
        try InstancesSite.requireInstance(context)
        let meetings = try await context.database.read { db in try Meeting.order(Meeting.Columns.startsAt).fetchAll(db) }
        return csv("meetings", ["starts_at", "status", "place", "agenda", "attendance", "minutes_file"], meetings.map {
            [$0.startsAt, $0.status.rawValue, context.localized($0.place), context.localized($0.agenda), $0.attendance.map(String.init) ?? "",
             $0.minutesFile.map { HostRoute.file($0).href(context) } ?? ""]
        }, context: context)
    }

    @Sendable func opinionsCSV(_ request: Request, context: CivicContext) async throws -> Response {
        try InstancesSite.requireInstance(context)
        let opinions = try await context.database.read { db in try Opinion.order(Opinion.Columns.adoptedOn).fetchAll(db) }
        return csv("opinions", ["adopted_on", "title", "subject", "follow_up", "follow_up_on", "follow_up_reason", "file"], opinions.map {
            [$0.adoptedOn, context.localized($0.title), context.localized($0.subject), $0.followUp?.rawValue ?? "", $0.followUpOn ?? "",
             context.localized($0.followUpReason), $0.file.map { HostRoute.file($0).href(context) } ?? ""]
        }, context: context)
    }

    struct Document: ResponseEncodable {
        struct Profile: Encodable {
            let legalBasis, mission, composition: [String: String]
            let mandateStart, mandateEnd: String?
            let contact: String
        }
        struct MemberItem: Encodable {
            let name, role, startedOn: String
            let quality: [String: String]
            let endedOn: String?
        }
        struct MeetingItem: Encodable {
            let id: Int64
            let startsAt, status: String
            let place, agenda: [String: String]
            let attendance: Int?
            let minutesURL: String?
        }
        struct OpinionItem: Encodable {
            let id: Int64
            let adoptedOn: String
            let title, subject: [String: String]
            let followUp: String?
            let followUpReason: [String: String]
            let fileURL: String?
        }
        struct InstanceItem: Encodable {
            let slug, url: String
            let name: [String: String]
            let facts: [String: String]
        }
        let slug: String
        let kind: String
        let profile: Profile?
        let members: [MemberItem]
        let meetings: [MeetingItem]
        let opinions: [OpinionItem]
        let instances: [InstanceItem]
    }

    /// An instance's profile, members, meetings and opinions; for a commune, its instances' public facts.
    @Sendable func api(_ request: Request, context: CivicContext) async throws -> Document {
        let slug = context.tenant.slug
        guard context.tenant.kind == .instance else {
            let digests = try await services.digests.children(InstancesModule.id, context: context)
            return Document(slug: slug, kind: "commune", profile: nil, members: [], meetings: [], opinions: [], instances: digests.map {
                .init(slug: $0.tenant.slug, url: $0.home + "instances", name: $0.tenant.name.values, facts: $0.values)
            })
        }
        let (profile, members, meetings, opinions) = try await context.database.read { db in
            (try InstanceProfile.load(db), try Member.order(Member.Columns.startedOn).fetchAll(db), try Meeting.order(Meeting.Columns.startsAt).fetchAll(db),
             try Opinion.order(Opinion.Columns.adoptedOn).fetchAll(db))
        }
        let files = { (name: String?) in name.map { HostRoute.file($0).href(context) } }
        return Document(
            slug: slug, kind: "instance",
            profile: profile.map { .init(legalBasis: $0.legalBasis.values, mission: $0.mission.values, composition: $0.composition.values,
                                         mandateStart: $0.mandateStart, mandateEnd: $0.mandateEnd, contact: $0.contact) },
            members: members.map { .init(name: $0.name, role: $0.role.rawValue, startedOn: $0.startedOn, quality: $0.quality.values, endedOn: $0.endedOn) },
            meetings: meetings.map { .init(id: $0.id ?? 0, startsAt: $0.startsAt, status: $0.status.rawValue, place: $0.place.values,
                                           agenda: $0.agenda.values, attendance: $0.attendance, minutesURL: files($0.minutesFile)) },
            opinions: opinions.map { .init(id: $0.id ?? 0, adoptedOn: $0.adoptedOn, title: $0.title.values, subject: $0.subject.values,
                                           followUp: $0.followUp?.rawValue, followUpReason: $0.followUpReason.values, fileURL: files($0.file)) },
            instances: [])
    }
}
