import CivicSDK
import Foundation
import GRDB

/// A plan drafted with citizens: a draft plan with a public drafting phase, its draft commitments
/// open to comments, and proposals (suggestions with a title) on the plan as a whole, each answered
/// with an outcome and a reason and some turned into draft commitments. When the plan is adopted its
/// co-creation record stays public.
enum PlanDrafting {
    /// Where the drafting phase stands on a day.
    enum Phase: String, Sendable {
        case upcoming, open, closed, adopted
    }

    /// The plan being drafted with citizens, if any (a draft with a drafting phase).
    static func current(_ db: Database) throws -> Plan? {
        try Plan.filter(Plan.Columns.status == Plan.Status.draft.rawValue && Plan.Columns.draftingOpens != nil)
            .order(Plan.Columns.id.desc).fetchOne(db)
    }

    /// The phase of `plan` on `day`.
    static func phase(_ plan: Plan, today: String) -> Phase {
        guard plan.status == .draft else { return .adopted }
        if let opens = plan.draftingOpens, today < opens { return .upcoming }
        if let closes = plan.draftingCloses, today > closes { return .closed }
        return .open
    }

    /// The proposals item of `plan` (`proposals:<id>`): where citizens make proposals, with the
    /// plan's co-creation record.
    static func proposalsItem(_ plan: Plan, today: String) -> PublicItem {
        let id = plan.id ?? 0
        var uses: Set<PublicItem.Use> = [.feedback, .proposals, .link]
        if phase(plan, today: today) != .open { uses.insert(.closedToInput) }
        return PublicItem(kind: "proposals", key: String(id), title: plan.title, path: PlanRoute.cocreation(id).path, uses: uses)
    }

    /// A commitment of a plan drafted in public (`draft:<id>`): open to comments while the phase is
    /// open, its comments kept public afterwards; at `/plans/draft/<n>` while a draft, at the
    /// plan's own address once adopted.
    static func commitmentItem(_ commitment: Commitment, of plan: Plan, today: String) -> PublicItem {
        var uses: Set<PublicItem.Use> = [.feedback, .link, .search]
        if phase(plan, today: today) != .open { uses.insert(.closedToInput) }
        let path = plan.status == .draft ? PlanRoute.draftCommitment(commitment.number).path : PlanRoute.commitment(commitment.number).path
        return PublicItem(kind: "draft", key: String(commitment.id ?? 0),
                          title: LocalizedText(commitment.title.values.mapValues { "\(commitment.number). \($0)" }), path: path,
                          text: PublicItem.text(commitment.problem, commitment.solution, commitment.expectedResults), uses: uses)
    }

    /// The public items of the plan being drafted: the plan's proposals and its draft commitments.
    static func items(_ db: Database, today: String) throws -> [PublicItem] {
        guard let plan = try current(db) else { return [] }
        return [proposalsItem(plan, today: today)]
            + (try Commitment.publiclyVisible(in: plan).order(Commitment.Columns.number).fetchAll(db).map { commitmentItem($0, of: plan, today: today) })
    }

    /// `proposals:<plan id>` or `draft:<commitment id>` of any plan drafted in public, adopted or not.
    static func item(_ db: Database, kind: String, id: Int64, today: String) throws -> PublicItem? {
        switch kind {
        case "proposals":
            guard let plan = try Plan.fetchOne(db, key: id), plan.isDraftedInPublic, plan.isPublic else { return nil }
            return proposalsItem(plan, today: today)
        case "draft":
            guard let commitment = try Commitment.fetchOne(db, key: id), commitment.published,
                  let plan = try Plan.fetchOne(db, key: commitment.planID), plan.isDraftedInPublic, plan.isPublic else { return nil }
            return commitmentItem(commitment, of: plan, today: today)
        default:
            return nil
        }
    }
}
