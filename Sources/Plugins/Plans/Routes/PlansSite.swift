import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Public pages: the plan with its commitments, and each commitment's full sheet.
struct PlansSite {
    let services: ModuleServices
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: index)
        group.get(":number", use: commitment)
    }

    private func label(_ context: CivicContext, _ key: String) -> String { context.text("plans.\(key)") }

    @Sendable func index(_ request: Request, context: CivicContext) async throws -> Response {
        let today = YearMonth.current(context.tenant)
        let editor = context.can("plans.edit")
        // reading and rolling up every activity is most of the page's cost: once per version of the plan
        let (found, draftingPlan) = try await context.memoised("overview.\(editor).\(today.year)-\(today.month)") {
            try await context.database.read { db in (try PlanOverview.load(db, includeUnpublished: editor, today: today), try PlanDrafting.current(db)) }
        }
        let drafting = draftingPlan.map { plan in
            DraftingLink(title: context.localized(plan.title), phase: PlanDraftingSite.phaseText(plan, today: context.tenant.today, context: context),
                         href: PlanRoute.cocreation(plan.id ?? 0).href(context))
        }
        guard let overview = found else { return try context.render(PlanEmptyPage(drafting: drafting), title: label(context, "title")) }
        let query = request.uri.queryParameters
        let principle = query["principle"].map(String.init) ?? ""
        let service = query["service"].map(String.init) ?? ""
        let status = query["status"].map(String.init) ?? ""
        let shown = overview.rows.filter { row in
            (principle.isEmpty || row.commitment.principleList.map(\.rawValue).contains(principle))
                && (service.isEmpty || context.localized(row.commitment.leadServices) == service)
                && (status.isEmpty || row.commitment.status == status)
        }
        let services = Set(overview.rows.map { context.localized($0.commitment.leadServices) }).filter { !$0.isEmpty }.sorted()
        let plan = overview.plan
        let description = context.localized(plan.description)
        var cards: [PlanPage.RenderedCard] = []
        for row in shown {
            let card = card(row: row, overview: overview, context: context)
            cards.append(.init(html: try await context.memoised("card.\(context.locale).\(card.memoKey)") {
                try context.renderer.fragment("plans/card", model: card, context: context)
            }))
        }
        let page = PlanPage(
            planTitle: context.localized(plan.title), description: description.isEmpty ? nil : description,
            period: "\(plan.startYear)–\(plan.endYear)", planStatus: label(context, "plan_status.\(plan.status.rawValue)"), progress: context.percent(overview.progress),
            commitments: cards,
            filtered: !principle.isEmpty || !service.isEmpty || !status.isEmpty,
            principles: OGPPrinciple.allCases.map { .init(value: $0.rawValue, label: label(context, "principle.\($0.rawValue)"), selected: $0.rawValue == principle) },
            services: services.map { .init(value: $0, label: $0, selected: $0 == service) },
            statuses: overview.statuses.values.sorted { $0.position < $1.position }.map {
                .init(value: $0.key, label: context.localized($0.label), selected: $0.key == status)
            },
            action: PlanRoute.plan.href(context), revisionsHref: PlanRoute.revisions.href(context), exportHref: PlanRoute.exportCSV.href(context),
            jsonHref: PlanRoute.exportJSON.href(context), feedHref: PlanRoute.feed.href(context), editor: editor,
            budget: BudgetView(overview.budget, context: context), budgetHref: PlanRoute.budgetCSV.href(context), drafting: drafting,
            cocreationHref: plan.isDraftedInPublic ? PlanRoute.cocreation(plan.id ?? 0).href(context) : nil,
            follow: plan.isPublic ? try await self.services.follows.button(kind: PlanNews.plan.kind, key: PlanNews.plan.key, context: context) : "")
        return try context.render(page, title: context.localized(plan.title))
    }

    private func card(row: PlanOverview.Row, overview: PlanOverview, context: CivicContext) -> PlanPage.Card {
        let commitment = row.commitment
        return PlanPage.Card(
            number: commitment.number, title: context.localized(commitment.title), href: PlanRoute.commitment(commitment.number).href(context),
            progress: context.percent(row.progress), status: overview.statuses[commitment.status].map { context.localized($0.label) } ?? commitment.status,
            completion: label(context, "completion.\(commitment.completion)"), late: row.lateActivities > 0,
            lateText: row.lateActivities > 0 ? context.plural("plans.late_count", row.lateActivities) : "",
            principles: commitment.principleList.map { label(context, "principle.\($0.rawValue)") }.joined(separator: ", "),
            services: context.localized(commitment.leadServices), draft: !commitment.published)
    }

    @Sendable func commitment(_ request: Request, context: CivicContext) async throws -> Response {
        guard let number = Int(try context.parameters.require("number")) else {
            throw HTTPError(.notFound, message: label(context, "error.not_found"))
        }
        let editor = context.can("plans.edit")
        let today = YearMonth.current(context.tenant)
        let sheet = try await context.memoised("sheet.\(number).\(editor)") {
            try await context.database.read { db in try CommitmentSheet.load(db, number: number, includeUnpublished: editor) }
        }
        guard let sheet else { throw HTTPError(.notFound, message: label(context, "error.not_found")) }
        let figures = try await services.figures.live(context)
        var past: [String: [String: Indicator]] = [:]
        for day in sheet.linkedFigureDays(today: context.tenant.today) {
            if let moment = FigureMoment.endOf(day: day, context.tenant) { past[day] = try await services.figures.figures(context, at: moment) }
        }
        // only what citizens can see takes comments: a published commitment of a published plan
        let open = sheet.commitment.published && sheet.plan.isPublic
        let counts = open ? try await services.feedback.counts(items: sheet.activities.map { "activity:\($0.id ?? 0)" }, context: context) : nil
        var page = sheet.page(context: context, today: today, figures: figures, past: past, feedback: counts)
        page.feedback = open ? try await services.feedback.thread(item: "commitment:\(number)", context: context) : ""
        page.follow = open ? try await services.follows.button(kind: "commitment", key: String(number), context: context) : ""
        page.editor = editor
        return try context.render(page, title: "\(sheet.commitment.number). \(context.localized(sheet.commitment.title))")
    }
}
