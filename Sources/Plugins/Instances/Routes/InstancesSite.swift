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

    private func cache(_ context: CivicContext) -> CachePolicy { context.can("instances.edit") ? .perVisitor : .shared }

    @Sendable func overview(_ request: Request, context: CivicContext) async throws -> Response {
        guard context.tenant.kind == .instance else { return try await communeList(context) }
        let today = ISODate.today()
        let (profile, members, upcoming, opinions) = try await context.database.read { db in
            (try InstanceProfile.load(db),
             try Member.filter(sql: "ended_on IS NULL OR ended_on >= ?", arguments: [today]).order(Column("role"), Column("name")).fetchAll(db),
             try Meeting.filter(Column("starts_at") >= today && Column("status") != "cancelled").order(Column("starts_at")).limit(3).fetchAll(db),
             try Opinion.order(Column("adopted_on").desc).limit(3).fetchAll(db))
        }
        return try context.render("overview", title: context.tenant.displayName(context.locale), data: [
            "name": context.tenant.displayName(context.locale),
            "profile": profile.map { [[
                "legalBasis": context.localized($0.legalBasis), "mission": context.renderer.markdown(context.localized($0.mission)),
                "composition": context.localized($0.composition), "mandate": $0.mandate, "contact": $0.contact,
            ]] } ?? [],
            "members": members.map { InstanceView.member($0, context: context) }, "hasMembers": !members.isEmpty,
            "meetings": upcoming.map { InstanceView.meeting($0, context: context) }, "hasMeetings": !upcoming.isEmpty,
            "opinions": opinions.map { InstanceView.opinion($0, context: context) }, "hasOpinions": !opinions.isEmpty,
            "links": links(context),
        ], cache: cache(context))
    }

    private func links(_ context: CivicContext) -> [String: Any] {
        let base = "\(context.root)/instances"
        return ["members": "\(base)/members", "meetings": "\(base)/meetings", "opinions": "\(base)/opinions", "ics": "\(base)/meetings.ics",
                "atom": "\(base)/feed.atom", "api": "\(context.root)/api/v1/instances"]
    }

    /// The commune's instances with their mandate, next meeting and latest activity, read from each instance.
    private func communeList(_ context: CivicContext) async throws -> Response {
        let digests = try await services.digests.children(InstancesModule.id, context: context)
        return try context.render("commune", title: context.text("instances.title"), data: [
            "instances": digests.map { digest -> [String: Any] in
                let v = digest.values
                return ["name": digest.tenant.displayName(context.locale), "href": digest.home + "instances",
                        "mandate": v["mandate"] ?? "", "members": v["members"] ?? "0", "opinions": v["opinions"] ?? "0",
                        "lastActivity": v["last_activity"] ?? "—", "nextMeeting": v["next_meeting"].map { [$0] } ?? []]
            },
            "hasInstances": !digests.isEmpty,
        ], cache: .shared)
    }

    @Sendable func members(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        let all = try await context.database.read { db in try Member.order(Column("started_on").desc, Column("name")).fetchAll(db) }
        let today = ISODate.today()
        let current = all.filter { $0.isCurrent(on: today) }, past = all.filter { !$0.isCurrent(on: today) && $0.startedOn <= today }
        return try context.render("members", title: context.text("instances.members"), data: [
            "current": current.map { InstanceView.member($0, context: context) }, "hasCurrent": !current.isEmpty,
            "past": past.map { InstanceView.member($0, context: context) }, "hasPast": !past.isEmpty,
            "csv": "\(context.root)/instances/members.csv", "back": "\(context.root)/instances",
        ], cache: cache(context))
    }

    @Sendable func meetings(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        let all = try await context.database.read { db in try Meeting.order(Column("starts_at").desc).fetchAll(db) }
        let today = ISODate.today()
        let upcoming = all.filter { $0.day >= today && $0.status == .planned }.reversed(), past = all.filter { !($0.day >= today && $0.status == .planned) }
        return try context.render("meetings", title: context.text("instances.meetings"), data: [
            "upcoming": upcoming.map { InstanceView.meeting($0, context: context) }, "hasUpcoming": !upcoming.isEmpty,
            "past": past.map { InstanceView.meeting($0, context: context) }, "hasPast": !past.isEmpty,
            "ics": "\(context.root)/instances/meetings.ics", "csv": "\(context.root)/instances/meetings.csv", "back": "\(context.root)/instances",
        ], cache: cache(context))
    }

    @Sendable func meeting(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        guard let id = Int64(try context.parameters.require("id")),
              let meeting = try await context.database.read({ db in try Meeting.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("instances.error.meeting_not_found"))
        }
        return try context.render("meeting", title: "\(context.text("instances.meeting")) \(meeting.day)", data: [
            "meeting": InstanceView.meeting(meeting, context: context), "back": "\(context.root)/instances/meetings",
            "canEdit": context.can("instances.edit"),
        ], cache: cache(context))
    }

    @Sendable func opinions(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        let all = try await context.database.read { db in try Opinion.order(Column("adopted_on").desc).fetchAll(db) }
        return try context.render("opinions", title: context.text("instances.opinions"), data: [
            "opinions": all.map { InstanceView.opinion($0, context: context) }, "hasOpinions": !all.isEmpty,
            "csv": "\(context.root)/instances/opinions.csv", "back": "\(context.root)/instances",
        ], cache: cache(context))
    }

    @Sendable func opinion(_ request: Request, context: CivicContext) async throws -> Response {
        try Self.requireInstance(context)
        guard let id = Int64(try context.parameters.require("id")),
              let opinion = try await context.database.read({ db in try Opinion.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("instances.error.opinion_not_found"))
        }
        var data: [String: Any] = ["opinion": InstanceView.opinion(opinion, context: context), "back": "\(context.root)/instances/opinions",
                                   "canEdit": context.can("instances.edit")]
        data["feedback"] = try await services.feedback.thread(item: "opinion:\(id)", context: context)
        return try context.render("opinion", title: context.localized(opinion.title), data: data, cache: cache(context))
    }
}
