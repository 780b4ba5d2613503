import CivicSDK
import Foundation
import GRDB

/// The communal action plan, its commitments and activities, their progress and indicators, in public.
public struct PlanTrackerModule: CivicModule {
    public static let id = "plans"
    public static let title: LocalizedText = ["fr": "Plan d'action", "ar": "خطة العمل", "en": "Action plan"]
    public static let summary: LocalizedText = [
        "fr": "Le plan d'action communal, ses engagements, activités, avancement et indicateurs, en public.",
        "ar": "خطة العمل الجماعية والتزاماتها وأنشطتها ومدى تقدمها ومؤشراتها، للعموم.",
        "en": "The communal action plan, its commitments, activities, progress and indicators, in public.",
    ]
    public static let permissions = [
        Permission("plans.edit", title: ["fr": "Modifier le plan d'action", "ar": "تعديل خطة العمل", "en": "Edit the action plan"], roles: [.editor]),
    ]
    public static let consoleLinks = [
        ConsoleLink(title: ["fr": "Gérer le plan d'action", "ar": "إدارة خطة العمل", "en": "Manage the action plan"], path: "", permission: "plans.edit"),
    ]
    public static var templates: URL? { Bundle.module.url(forResource: "Templates", withExtension: nil) }
    public static var strings: URL? { Bundle.module.url(forResource: "Strings", withExtension: nil) }

    public static func migrations(_ migrations: inout ModuleMigrations) { PlanSchema.register(&migrations) }

    public init(environment: ModuleEnvironment) throws {}

    public func routes(_ router: ModuleRouter) {
        PlansExports().register(router.site)
        PlansRevisions().registerSite(router.site)
        PlansRevisions().registerConsole(router.console)
        PlansSite().register(router.site)
        PlansConsole().register(router.console)
        PlansImport().register(router.console)
        PlansStatuses().register(router.console)
        PlansAPI().register(router.api)
    }

    public func indicators(_ db: Database, _ tenant: Tenant) throws -> [Indicator] {
        guard let overview = try PlanOverview.load(db, includeUnpublished: false, today: YearMonth(Date())) else { return [] }
        let late = overview.rows.map(\.lateActivities).reduce(0, +)
        let byStatus = overview.statuses.values.sorted { $0.position < $1.position }.map { status in
            Indicator(id: "plans.status.\(status.key)", title: status.label,
                      value: Double(overview.rows.filter { $0.commitment.status == status.key }.count),
                      unit: ["fr": "engagement(s)", "ar": "التزام", "en": "commitment(s)"])
        }
        return byStatus + [
            Indicator(id: "plans.progress", title: ["fr": "Avancement du plan", "ar": "تقدم الخطة", "en": "Plan progress"],
                      value: Double(overview.progress), unit: ["fr": "%", "ar": "%", "en": "%"]),
            Indicator(id: "plans.commitments", title: ["fr": "Engagements publiés", "ar": "الالتزامات المنشورة", "en": "Published commitments"],
                      value: Double(overview.rows.count)),
            Indicator(id: "plans.late_activities", title: ["fr": "Activités en retard", "ar": "أنشطة متأخرة", "en": "Overdue activities"],
                      value: Double(late)),
        ]
    }

    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? {
        let today = YearMonth(Date())
        guard let overview = try await context.database.read({ db in try PlanOverview.load(db, includeUnpublished: false, today: today) }),
              !overview.rows.isEmpty else { return nil }
        return SummaryCard(
            title: context.localized(overview.plan.title),
            text: String(format: context.text("plans.card_text"), overview.rows.count, overview.progress),
            items: overview.rows.prefix(5).map { .init(label: "\($0.commitment.number). \(context.localized($0.commitment.title)) — \($0.progress) %",
                                                       href: "\(context.root)/plans/\($0.commitment.number)") },
            link: .init(label: context.text("plans.see_plan"), href: "\(context.root)/plans"))
    }

    public func installSampleContent(_ db: Database, _ tenant: Tenant) throws {
        guard tenant.kind == .commune else { return }
        try PlanSample.install(db)
    }
}
