import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/instances`: on a commune, its consultative instances; on an instance, its own section
/// (profile, members, meetings, opinions).
struct InstancesSite {
    let services: ModuleServices
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: overview)
        group.get("members", use: members)
        group.get("meetings", use: meetings)
        group.get("meetings/:id", use: meeting)
        group.get("opinions", use: opinions)
        group.get("opinions/:id", use: opinion)
    }

    /// Instance pages exist only on an instance; a commune lists its instances instead.
    static func requireInstance(_ context: CivicContext) throws {
        guard context.tenant.kind == .instance else { throw HTTPError(.notFound, message: context.text("instances.error.not_an_instance")) }
    }

    /// Editors see edit links: their pages are not shared.
    private func editor(_ context: CivicContext) -> Bool { context.can("instances.edit") }

    @Sendable func overview(_ request: Request, context: CivicContext) async throws -> Response {
        guard context.tenant.kind == .instance else { return try await communeList(context) }
        let today = context.tenant.today
        let (profile, members, upcoming, opinions) = try await context.database.read { db in
            (try InstanceProfile.load(db),
             try Member.filter(sql: "ended_on IS NULL OR ended_on >= ?", arguments: [today]).order(Member.Columns.role, Member.Columns.name).fetchAll(db),
             try Meeting.filter(Meeting.Columns.startsAt >= today && Meeting.Columns.status != "cancelled").order(Meeting.Columns.startsAt).limit(3).fetchAll(db),
             try Opinion.order(Opinion.Columns.adoptedOn.desc).limit(3).fetchAll(db))
        }
        let page = InstanceOverviewPage(
            name: context.tenant.displayName(context.locale),
            profile: profile.map { profile in
                .init(legalBasis: context.localized(profile.legalBasis), mission: context.renderer.markdown(context.localized(profile.mission)),
                      composition: context.localized(profile.composition),
                      mandate: profile.mandateStart.map { context.dates.span($0, profile.mandateEnd) }, contact: profile.contact)
            },
            members: members.map { MemberView($0, context: context) }, meetings: upcoming.map { MeetingView($0, context: context) },
            opinions: opinions.map { OpinionView($0, context: context) }, links: .init(context), editor: editor(context),
            follow: try await services.follows.button(kind: InstanceNews.instance.kind, key: InstanceNews.instance.key, context: context))
        return try context.render(page, title: context.tenant.displayName(context.locale))
    }

    /// The commune's instances with their mandate, next meeting and latest activity, read from each instance.
    private func communeList(_ context: CivicContext) async throws -> Response {
        let digests = try await services.digests.children(InstancesModule.id, context: context)
        let page = CommuneInstancesPage(instances: digests.map { digest in
            let v = digest.values
            return .init(name: digest.tenant.displayName(context.locale), href: digest.home + "instances", mandate: v["mandate_start"].map { context.dates.span($0, v["mandate_end"]) },
                         members: v["members"] ?? "0", opinions: v["opinions"] ?? "0", lastActivity: v["last_activity"].map { context.dates.day($0) },
                         nextMeeting: v["next_meeting"].map { context.dates.dateTime(local: $0) })
        })
        return try context.render(page, title: context.text("instances.title"))
    }

    @Sendable func members(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        let all = try await context.database.read { db in try Member.order(Member.Columns.startedOn.desc, Member.Columns.name).fetchAll(db) }
        let today = context.tenant.today
        let current = all.filter { $0.isCurrent(on: today) }, past = all.filter { !$0.isCurrent(on: today) && $0.startedOn <= today }
        let page = MembersPage(current: current.map { MemberView($0, context: context) }, past: past.map { MemberView($0, context: context) },
                               csv: InstanceRoute.membersCSV.href(context), back: InstanceRoute.overview.href(context), editor: editor(context))
        return try context.render(page, title: context.text("instances.members"))
    }

    @Sendable func meetings(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        let all = try await context.database.read { db in try Meeting.order(Meeting.Columns.startsAt.desc).fetchAll(db) }
        let today = context.tenant.today
        let upcoming = all.filter { $0.day >= today && $0.status == .planned }.reversed(), past = all.filter { !($0.day >= today && $0.status == .planned) }
        let page = MeetingsPage(upcoming: upcoming.map { MeetingView($0, context: context) }, past: past.map { MeetingView($0, context: context) },
                                ics: InstanceRoute.calendar.href(context), csv: InstanceRoute.meetingsCSV.href(context),
                                back: InstanceRoute.overview.href(context), editor: editor(context))
        return try context.render(page, title: context.text("instances.meetings"))
    }

    @Sendable func meeting(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        guard let id = Int64(try context.parameters.require("id")),
              let meeting = try await context.database.read({ db in try Meeting.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("instances.error.meeting_not_found"))
        }
        let page = MeetingPage(meeting: MeetingView(meeting, context: context), back: InstanceRoute.meetings.href(context), canEdit: editor(context))
        return try context.render(page, title: "\(context.text("instances.meeting")) \(Bidi.isolate(context.dates.dateTime(local: meeting.startsAt).text))")
    }

    @Sendable func opinions(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        let all = try await context.database.read { db in try Opinion.order(Opinion.Columns.adoptedOn.desc).fetchAll(db) }
        let page = OpinionsPage(opinions: all.map { OpinionView($0, context: context) }, csv: InstanceRoute.opinionsCSV.href(context),
                                back: InstanceRoute.overview.href(context), editor: editor(context))
        return try context.render(page, title: context.text("instances.opinions"))
    }

    @Sendable func opinion(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        guard let id = Int64(try context.parameters.require("id")),
              let opinion = try await context.database.read({ db in try Opinion.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("instances.error.opinion_not_found"))
        }
        let page = OpinionPage(opinion: OpinionView(opinion, context: context), back: InstanceRoute.opinions.href(context), canEdit: editor(context),
                               feedback: try await services.feedback.thread(item: "opinion:\(id)", context: context))
        return try context.render(page, title: context.localized(opinion.title))
    }
}
