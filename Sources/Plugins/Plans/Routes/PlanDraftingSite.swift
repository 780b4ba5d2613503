import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Public pages of a plan drafted with citizens: its co-creation page (phase, draft commitments,
/// record, proposals) and each draft commitment's sheet, open to comments while the phase is open.
struct PlanDraftingSite {
    let services: ModuleServices

    func register(_ group: RouterGroup<CivicContext>) {
        group.get("cocreation/:id", use: cocreation)
        group.get("draft/:number", use: draftCommitment)
    }

    @Sendable func cocreation(_ request: Request, context: CivicContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("id")),
              let (plan, commitments) = try await context.database.read({ db -> (Plan, [Commitment])? in
                  guard let plan = try Plan.fetchOne(db, key: id), plan.isDraftedInPublic, plan.isPublic else { return nil }
                  return (plan, try Commitment.publiclyVisible(in: plan).order(Commitment.Columns.number).fetchAll(db))
              }) else { throw HTTPError(.notFound, message: context.text("plans.error.not_found")) }
        let today = context.tenant.today
        let item = "proposals:\(id)"
        let proposals = try await services.feedback.proposals(item: item, context: context)
        let channels = try await services.feedback.channels(items: [item] + commitments.map { "draft:\($0.id ?? 0)" }, context: context)
        let href = { (commitment: Commitment) in
            plan.status == .draft ? PlanRoute.draftCommitment(commitment.number).href(context) : PlanRoute.commitment(commitment.number).href(context)
        }
        let titled = { (commitment: Commitment) in "\(commitment.number). \(context.localized(commitment.title))" }
        var became: [Int64: LinkView] = [:]
        for commitment in commitments { if let proposal = commitment.proposal { became[proposal] = LinkView(label: titled(commitment), href: href(commitment)) } }
        let byID = Dictionary(uniqueKeysWithValues: proposals.map { ($0.id, $0) })
        let description = context.localized(plan.description)
        let page = PlanCocreationPage(
            planTitle: context.localized(plan.title), description: description.isEmpty ? nil : description, period: "\(plan.startYear)–\(plan.endYear)",
            phase: Self.phaseText(plan, today: today, context: context),
            adoptedHref: plan.status == .draft ? nil : PlanRoute.plan.href(context),
            commitments: commitments.map { commitment in
                .init(number: commitment.number, title: context.localized(commitment.title), href: href(commitment),
                      proposal: commitment.proposal.flatMap { byID[$0] }.map { LinkView(label: $0.title, href: $0.href) })
            },
            record: CocreationRecord(proposals: proposals, channels: channels, became: became, context: context),
            proposals: try await services.feedback.thread(item: item, context: context))
        return try context.render(page, title: context.localized(plan.title))
    }

    /// "Proposals are taken from 1 March to 30 April 2027", "… closed on …", "Adopted …".
    static func phaseText(_ plan: Plan, today: String, context: CivicContext) -> String {
        let day = { (iso: String?) in Bidi.isolate(iso.map { context.dates.day($0).text } ?? "…") }
        return context.text("plans.cocreation.phase.\(PlanDrafting.phase(plan, today: today).rawValue)")
            .replacingOccurrences(of: "{opens}", with: day(plan.draftingOpens)).replacingOccurrences(of: "{closes}", with: day(plan.draftingCloses))
    }

    @Sendable func draftCommitment(_ request: Request, context: CivicContext) async throws -> Response {
        guard let number = Int(try context.parameters.require("number")),
              let sheet = try await context.database.read({ db -> CommitmentSheet? in
                  guard let plan = try PlanDrafting.current(db) else { return nil }
                  return try CommitmentSheet.load(db, plan: plan, number: number, includeUnpublished: false)
              }) else { throw HTTPError(.notFound, message: context.text("plans.error.not_found")) }
        var page = sheet.page(context: context, today: YearMonth.current(context.tenant), figures: [:], feedback: nil)
        page.planHref = PlanRoute.cocreation(sheet.plan.id ?? 0).href(context)
        page.draftNotice = Self.phaseText(sheet.plan, today: context.tenant.today, context: context)
        page.feedback = try await services.feedback.thread(item: "draft:\(sheet.commitment.id ?? 0)", context: context)
        return try context.render(page, title: "\(sheet.commitment.number). \(context.localized(sheet.commitment.title))")
    }
}
