import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/plans/export.csv`, `export.json` and `feed.atom`: the published plan as data.
struct PlansExports {
    func register(_ group: RouterGroup<CivicContext>) {
        group.get("export.csv", use: csv)
        group.get("export.json", use: json)
        group.get("budget.csv", use: budgetCSV)
        group.get("feed.atom", use: atom)
    }

    private func published(_ context: CivicContext) async throws -> PlanOverview {
        let today = YearMonth.current(context.tenant)
        guard let overview = try await context.database.read({ db in try PlanOverview.load(db, includeUnpublished: false, today: today) }) else {
            throw HTTPError(.notFound, message: context.text("plans.no_plan"))
        }
        return overview
    }

    @Sendable func csv(_ request: Request, context: CivicContext) async throws -> Response {
        let overview = try await published(context)
        return DataResponse.publicText(PlanCSV.export(overview, locales: context.tenant.locales), contentType: "text/csv; charset=utf-8", downloadName: "\(context.tenant.slug)-plan.csv")
    }

    struct Document: Encodable {
        struct Item: Encodable {
            let number: Int
            let title, leadServices, otherActors, problem, solution, expectedResults: LocalizedText
            let principles: [String]
            let status, completion: String
            let progress, lateActivities: Int
            let activities: [ActivityItem]
            let indicators: [IndicatorItem]
            let updates: [UpdateItem]
            /// Every budget line, oldest first, and their totals.
            let budget: [BudgetItem]
            let budgetTotals: BudgetTotals?
        }

        struct BudgetItem: Encodable {
            let kind: String, date: String, currency: String
            let amount: Double
            let activityID: Int64?
            let label: LocalizedText
            let evidence: String?
        }

        /// An indicator with its baseline, target and dated values (a linked one names its live figure,
        /// whose monthly history is in dashboard.csv).
        struct IndicatorItem: Encodable {
            let name, unit: LocalizedText
            let kind: String
            let baseline, target: Double?
            let baselineDate, targetDate, source: String?
            let values: [Measure]
        }

        struct Measure: Encodable {
            let date: String
            let value: Double
        }

        struct UpdateItem: Encodable {
            let date: String
            let text: LocalizedText
            let newProgress: Int?
            let newStatus: String?
            let activityID: Int64?
        }

        struct ActivityItem: Encodable {
            let id: Int64
            let title, responsible, deliverable: LocalizedText
            let plannedStart, plannedEnd: String
            let actualStart, actualEnd: String?
            let status: String
            let progress: Int
        }

        let title, description: LocalizedText
        let startYear, endYear, progress: Int
        let status: String
        let progressRule: String
        let commitments: [Item]
        let budgetTotals: BudgetTotals?
    }

    @Sendable func json(_ request: Request, context: CivicContext) async throws -> Response {
        let overview = try await published(context)
        let ids = overview.rows.compactMap(\.commitment.id)
        let budget = Dictionary(grouping: overview.budget, by: \.commitmentID)
        let (indicators, values, updates) = try await context.database.read { db in
            let indicators = try PlanIndicator.filter(ids.contains(PlanIndicator.Columns.commitmentID)).order(PlanIndicator.Columns.position).fetchAll(db)
            let values = try PlanIndicatorValue.filter(indicators.compactMap(\.id).contains(PlanIndicatorValue.Columns.indicatorID))
                .order(PlanIndicatorValue.Columns.date).fetchAll(db)
            let updates = try ProgressUpdate.filter(ids.contains(ProgressUpdate.Columns.commitmentID))
                .order(ProgressUpdate.Columns.date, ProgressUpdate.Columns.id).fetchAll(db)
            return (Dictionary(grouping: indicators, by: \.commitmentID), Dictionary(grouping: values, by: \.indicatorID),
                    Dictionary(grouping: updates, by: \.commitmentID))
        }
        let document = Document(
            title: overview.plan.title, description: overview.plan.description, startYear: overview.plan.startYear, endYear: overview.plan.endYear,
            progress: overview.progress, status: overview.plan.status.rawValue, progressRule: "average of activities; plan: average of commitments",
            commitments: overview.rows.map { row in
                let c = row.commitment
                return Document.Item(number: c.number, title: c.title, leadServices: c.leadServices, otherActors: c.otherActors, problem: c.problem,
                                     solution: c.solution, expectedResults: c.expectedResults, principles: c.principleList.map(\.rawValue),
                                     status: c.status, completion: c.completion, progress: row.progress, lateActivities: row.lateActivities,
                                     activities: row.activities.map {
                                         Document.ActivityItem(id: $0.id ?? 0, title: $0.title, responsible: $0.responsible, deliverable: $0.deliverable,
                                                               plannedStart: $0.plannedStart, plannedEnd: $0.plannedEnd, actualStart: $0.actualStart,
                                                               actualEnd: $0.actualEnd, status: $0.status, progress: $0.progress)
                                     },
                                     indicators: (indicators[c.id ?? 0] ?? []).map { indicator in
                                         Document.IndicatorItem(name: indicator.name, unit: indicator.unit, kind: indicator.kind, baseline: indicator.baseline,
                                                                target: indicator.target, baselineDate: indicator.baselineDate, targetDate: indicator.targetDate,
                                                                source: indicator.source,
                                                                values: (values[indicator.id ?? 0] ?? []).map { .init(date: $0.date, value: $0.value) })
                                     },
                                     updates: (updates[c.id ?? 0] ?? []).map {
                                         Document.UpdateItem(date: $0.date, text: $0.text, newProgress: $0.newProgress, newStatus: $0.newStatus,
                                                             activityID: $0.activityID)
                                     },
                                     budget: (budget[c.id ?? 0] ?? []).map { Self.item($0, context: context) },
                                     budgetTotals: BudgetTotals.of(budget[c.id ?? 0] ?? []).first)
            },
            budgetTotals: BudgetTotals.of(overview.budget).first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return DataResponse.publicText(String(decoding: try encoder.encode(document), as: UTF8.self), contentType: "application/json; charset=utf-8", downloadName: "\(context.tenant.slug)-plan.json")
    }

    private static func item(_ line: BudgetLine, context: CivicContext) -> Document.BudgetItem {
        Document.BudgetItem(kind: line.kind.rawValue, date: line.date, currency: line.currency, amount: line.amount, activityID: line.activityID,
                            label: line.label, evidence: line.evidence.map { HostRoute.file($0).href(context) })
    }

    /// `budget.csv`: every budget line of the published commitments, oldest first.
    @Sendable func budgetCSV(_ request: Request, context: CivicContext) async throws -> Response {
        let overview = try await published(context)
        let numbers = Dictionary(uniqueKeysWithValues: overview.rows.compactMap { row in row.commitment.id.map { ($0, row.commitment.number) } })
        let locales = context.tenant.locales
        let header = ["commitment", "activity_id", "kind", "date", "amount", "currency"] + locales.map { "label.\($0)" } + ["evidence"]
        let rows = overview.budget.map { line in
            [String(numbers[line.commitmentID] ?? 0), line.activityID.map(String.init) ?? "", line.kind.rawValue, line.date, NumberText.plain(line.amount),
             line.currency] + locales.map { line.label.values[$0] ?? "" } + [line.evidence.map { HostRoute.file($0).href(context) } ?? ""]
        }
        return DataResponse.publicText(CSV.document(header: header, rows: rows), contentType: "text/csv; charset=utf-8",
                                       downloadName: "\(context.tenant.slug)-budget.csv")
    }

    @Sendable func atom(_ request: Request, context: CivicContext) async throws -> Response {
        let overview = try await published(context)
        let numbers = Dictionary(uniqueKeysWithValues: overview.rows.compactMap { row in row.commitment.id.map { ($0, row.commitment) } })
        let updates = try await context.database.read { db in
            try ProgressUpdate.filter(numbers.keys.contains(ProgressUpdate.Columns.commitmentID)).order(ProgressUpdate.Columns.date.desc, ProgressUpdate.Columns.id.desc).limit(50).fetchAll(db)
        }
        let entries = updates.map { update in
            let commitment = numbers[update.commitmentID]
            return AtomFeed.Entry(id: "urn:opencommune:\(context.tenant.slug):plans:update:\(update.id ?? 0)",
                                  title: "\(commitment?.number ?? 0). \(commitment.map { context.localized($0.title) } ?? "") — \(update.date)",
                                  updated: "\(update.date)T00:00:00Z", author: update.author, href: PlanRoute.commitment(commitment?.number ?? 0).href(context),
                                  summary: context.localized(update.text))
        }
        let body = try AtomFeed(id: "urn:opencommune:\(context.tenant.slug):plans", title: context.localized(overview.plan.title),
                                updated: (updates.first.map { "\($0.date)T00:00:00Z" }) ?? "\(overview.plan.updatedAt.formatted(.iso8601))",
                                selfHref: PlanRoute.feed.href(context), siteHref: PlanRoute.plan.href(context), entries: entries).render(context)
        return DataResponse.publicText(body, contentType: "application/atom+xml; charset=utf-8", downloadName: nil)
    }
}
