import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/dashboard`: what the commune did and what citizens said — every live figure of the enabled
/// modules and of citizen input, with its monthly history as a chart, a table and a sentence; a
/// commune's page adds its instances' figures. Also as CSV and JSON.
struct DashboardRoutes {
    let services: HostServices

    /// Figures shown first, in this order; the others follow by id.
    static let order = ["reports.published", "reports.on_time_rate", "feedback.received", "feedback.suggestions", "feedback.response_rate",
                        "feedback.median_response_days", "consultations.answers", "consultations.open", "plans.progress", "plans.late_activities", "plans.budget_executed",
                        "instances.opinions", "instances.follow_up_rate", "instances.meetings_held"]

    func register(on router: Router<CivicContext>) {
        router.get("dashboard", use: page)
        router.get("dashboard.csv", use: csv)
        router.get("api/v1/dashboard", use: json)
    }

    struct Figure {
        let indicator: Indicator
        let series: [HostFigures.Point]
    }

    /// The tenant's figures now, each with its monthly history rebuilt from dated facts, and the years
    /// that history can show.
    private func figures(_ context: CivicContext, year: Int?) async throws -> (figures: [Figure], years: [Int]) {
        let live = try await services.figures.live(context)
        let history = try await services.figures.history(context.tenant, database: context.database, year: year)
        let years = try await services.figures.years(context.tenant, database: context.database)
        let byID = Dictionary(uniqueKeysWithValues: history.map { ($0.id, $0) })
        let rank = { (id: String) in Self.order.firstIndex(of: id) ?? Self.order.count }
        let sorted = live.values.sorted { (rank($0.id), $0.id) < (rank($1.id), $1.id) }
        return (sorted.map { Figure(indicator: $0, series: byID[$0.id]?.points ?? []) }, years)
    }

    /// The instances of a commune with their current figures, read from their own databases.
    private func instanceFigures(_ context: CivicContext) async throws -> [(entry: TenantEntry, figures: [Indicator])] {
        guard context.tenant.kind == .commune else { return [] }
        var result: [(TenantEntry, [Indicator])] = []
        for entry in services.registry.instances(of: context.tenant.slug) {
            guard let database = try? services.database(entry.tenant.slug) else { continue }
            let figures = try await services.figures.live(entry.tenant, database: database).values.sorted { $0.id < $1.id }
            result.append((entry, figures))
        }
        return result
    }

    /// `?year=`, when given, must be a year the history can hold.
    private func year(_ request: Request) throws -> Int? {
        let given = request.uri.queryParameters[values: "year"]
        guard !given.isEmpty else { return nil }
        guard given.count == 1, let year = Int(String(given[0])), (2000...2200).contains(year) else {
            throw HTTPError(.badRequest, message: "year must be one year from 2000 to 2200")
        }
        return year
    }

    /// One sentence on the figure's latest month against the month before, in the visitor's language.
    static func sentence(_ figure: Figure, context: CivicContext) -> String {
        let show = { (value: Double) in
            let shown = context.figure(value, unit: figure.indicator.unit)
            return shown.unit.isEmpty ? shown.value : "\(shown.value)\u{00A0}\(shown.unit)"
        }
        let points = figure.series
        let template: String
        var delta = 0.0
        if points.count >= 2 {
            delta = points[points.count - 1].value - points[points.count - 2].value
            template = context.text(delta > 0 ? "dashboard.sentence_up" : (delta < 0 ? "dashboard.sentence_down" : "dashboard.sentence_same"))
        } else {
            template = context.text("dashboard.sentence_first")
        }
        // values and months are isolated: in an Arabic sentence "2026-12" would otherwise read "12-2026"
        return template.replacingOccurrences(of: "{title}", with: context.localized(figure.indicator.title))
            .replacingOccurrences(of: "{value}", with: Bidi.isolate(show(points.last?.value ?? figure.indicator.value)))
            .replacingOccurrences(of: "{month}", with: Bidi.isolate(context.dates.month(points.last?.month ?? String(context.tenant.today.prefix(7))).text))
            .replacingOccurrences(of: "{delta}", with: Bidi.isolate(show(abs(delta))))
            .replacingOccurrences(of: "{previous}", with: points.count >= 2 ? Bidi.isolate(context.dates.month(points[points.count - 2].month).text) : "")
    }

    @Sendable func page(_ request: Request, context: CivicContext) async throws -> Response {
        let year = try year(request)
        let (figures, years) = try await figures(context, year: year)
        let instances = try await instanceFigures(context)
        // a breakdown (by channel, by year…) has an id of three parts or more: listed in one table below
        let main = figures.filter { $0.indicator.id.split(separator: ".").count <= 2 }
        let details = figures.filter { $0.indicator.id.split(separator: ".").count > 2 }
        let page = DashboardPage(
            details: details.map { detail in
                let shown = context.figure(detail.indicator.value, unit: detail.indicator.unit)
                return .init(title: context.localized(detail.indicator.title), value: shown.value, unit: shown.unit, months: detail.series.count)
            },
            figures: main.map { figure in
                let shown = context.figure(figure.indicator.value, unit: figure.indicator.unit)
                return .init(anchor: figure.indicator.id.replacingOccurrences(of: ".", with: "-"), title: context.localized(figure.indicator.title),
                      value: shown.value, unit: shown.unit,
                      sentence: Self.sentence(figure, context: context),
                      chart: BarChart.chart(figure.series.map { (context.dates.month($0.month).text, Int($0.value.rounded())) }, scale: figure.indicator.isPercent ? 100 : nil),
                      points: figure.series.reversed().map { .init(month: context.dates.month($0.month), value: context.figure($0.value, unit: figure.indicator.unit).value) })
            },
            years: years.map { .init(value: $0, selected: $0 == year) },
            action: HostRoute.dashboard.href(context),
            instances: instances.map { item in
                .init(name: item.entry.tenant.displayName(context.locale), href: TenantLinks.home(item.entry) + "dashboard",
                      figures: item.figures.map { figure in
                    let shown = context.figure(figure.value, unit: figure.unit)
                    return .init(title: context.localized(figure.title), value: shown.value, unit: shown.unit, months: 0)
                })
            },
            feedbackHref: HostRoute.feedbackStats.href(context),
            csvHref: HostRoute.dashboardCSV(year: year).href(context), jsonHref: HostRoute.dashboardJSON(year: year).href(context))
        return try context.render(page, title: context.text("dashboard.title"))
    }

    @Sendable func csv(_ request: Request, context: CivicContext) async throws -> Response {
        let (figures, _) = try await figures(context, year: try year(request))
        let rows = figures.flatMap { figure in
            figure.series.map { [figure.indicator.id, context.localized(figure.indicator.title), $0.month, NumberText.plain($0.value), context.localized(figure.indicator.unit)] }
        }
        return DataResponse.publicText(CSV.document(header: ["figure", "title", "month", "value", "unit"], rows: rows),
                                       contentType: "text/csv; charset=utf-8", downloadName: "\(context.tenant.slug)-dashboard.csv")
    }

    @Sendable func json(_ request: Request, context: CivicContext) async throws -> Response {
        let (figures, _) = try await figures(context, year: try year(request))
        let instances = try await instanceFigures(context)
        return try JSONBody.response(DashboardDocument(
            tenant: context.tenant.slug,
            figures: figures.map { .init($0.indicator, series: $0.series.map { .init(month: $0.month, value: $0.value) }) },
            instances: instances.map { .init(slug: $0.entry.tenant.slug, figures: $0.figures.map { .init($0, series: nil) }) }))
    }
}
