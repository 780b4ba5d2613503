import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Revisions: editors freeze the published plan with a reason before reorganising it; the public
/// compares each frozen version with the next one, side by side.
struct PlansRevisions {
    func registerSite(_ group: RouterGroup<CivicContext>) {
        group.get("revisions", use: list)
        group.get("revisions/:revision", use: compare)
    }

    func registerConsole(_ group: RouterGroup<CivicContext>) {
        group.post("revisions", use: freeze)
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        let revisions = try await context.database.read { db -> [PlanRevision] in
            guard let plan = try Plan.current(db) else { return [] }
            return try PlanRevision.filter(PlanRevision.Columns.planID == plan.id).order(PlanRevision.Columns.number.desc).fetchAll(db)
        }
        let page = PlanRevisionsPage(planHref: PlanRoute.plan.href(context), revisions: revisions.map {
            .init(number: $0.number, date: context.dates.day($0.createdAt), reason: context.localized($0.reason), href: PlanRoute.revision($0.number).href(context))
        })
        return try context.render(page, title: context.text("plans.revision.title"))
    }

    @Sendable func compare(_ request: Request, context: CivicContext) async throws -> Response {
        guard let number = Int(try context.parameters.require("revision")) else { throw HTTPError(.notFound, message: context.text("plans.revision.not_found")) }
        let today = YearMonth.current(context.tenant)
        let found = try await context.database.read { db -> (PlanRevision, PlanRevision?, PlanOverview?)? in
            guard let plan = try Plan.current(db),
                  let revision = try PlanRevision.filter(PlanRevision.Columns.planID == plan.id && PlanRevision.Columns.number == number).fetchOne(db) else { return nil }
            let next = try PlanRevision.filter(PlanRevision.Columns.planID == plan.id && PlanRevision.Columns.number == number + 1).fetchOne(db)
            return (revision, next, next == nil ? try PlanOverview.load(db, includeUnpublished: false, today: today) : nil)
        }
        guard let (revision, next, current) = found, let before = revision.version,
              let after = next?.version ?? current.map(PlanRevision.Version.init) else {
            throw HTTPError(.notFound, message: context.text("plans.revision.not_found"))
        }
        let comparison = PlanRevision.Comparison(before: before, after: after)
        func item(_ item: PlanRevision.Version.Item?) -> PlanRevisionPage.Item? {
            item.map { PlanRevisionPage.Item(title: "\($0.number). \(context.localized($0.title))") }
        }
        func span(_ step: PlanRevision.Version.Step?) -> String? { step.map { "\($0.plannedStart) – \($0.plannedEnd)" } }
        let lines = comparison.lines.map { line in
            PlanRevisionPage.Line(
                before: item(line.before), after: item(line.after),
                change: context.text("plans.revision.change.\(line.change.rawValue)"), changed: line.change != .unchanged,
                steps: line.steps.map { step in
                    .init(title: context.localized((step.after ?? step.before)!.title), before: span(step.before), after: span(step.after),
                          change: context.text("plans.revision.change.\(step.change)"), changed: step.change != "unchanged")
                })
        }
        let page = PlanRevisionPage(
            listHref: PlanRoute.revisions.href(context), reason: context.localized(revision.reason),
            beforeLabel: String(format: context.text("plans.revision.version"), revision.number, context.dates.day(revision.createdAt).text),
            afterLabel: next.map { String(format: context.text("plans.revision.version"), $0.number, context.dates.day($0.createdAt).text) }
                ?? context.text("plans.revision.current"),
            lines: lines)
        return try context.render(page, title: context.text("plans.revision.compare_title"))
    }

    @Sendable func freeze(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let reason = context.form.localized("reason", locales: context.tenant.locales)
        guard !reason.isEmpty else { throw HTTPError(.badRequest, message: context.text("plans.revision.reason_required")) }
        let author = context.account?.displayName ?? "system"
        let today = YearMonth.current(context.tenant)
        let frozen = try await context.database.write { db -> Bool in
            guard let overview = try PlanOverview.load(db, includeUnpublished: false, today: today), let planID = overview.plan.id else { return false }
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM plan_revision WHERE plan_id = ?", arguments: [planID]) ?? 0) + 1
            let snapshot = String(decoding: try JSONEncoder().encode(PlanRevision.Version(overview)), as: UTF8.self)
            var revision = PlanRevision(planID: planID, number: number, reason: reason, snapshot: snapshot, author: author, createdAt: Date())
            try revision.insert(db)
            try context.audit(db, action: "revise", itemType: "plan", itemID: String(planID), summary: "version \(number)",
                              changes: [FieldChange(field: "revision", old: nil, new: reason.resolve("fr", fallbacks: context.fallbackLocales))])
            try PlanNews.plan(db, overview.plan, headline: "plans.news.revision", detail: reason, context: context)
            return true
        }
        guard frozen else { throw HTTPError(.badRequest, message: context.text("plans.error.no_plan")) }
        return context.redirect(PlanRoute.console, notice: .saved)
    }
}
