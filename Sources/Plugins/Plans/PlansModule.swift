import CivicSDK
import Foundation
import GRDB

/// The communal action plan, its commitments and activities, their progress and indicators, in public.
public struct PlansModule: CivicModule {
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

    public static let openData = [
        OpenDataset(file: "plan.csv", path: "/plans/export.csv", description: [
            "fr": "Le plan d'action, une ligne par engagement (type commitment) et par activité (type activity) : number, activity_id, position, title.<langue>, principles (séparés par ;), lead_services, other_actors, problem, solution, expected_results (par langue), status, completion (niveau OGP), published, planned_start, planned_end, actual_start, actual_end (AAAA-MM), progress (%), responsible, deliverable (par langue).",
            "ar": "خطة العمل، سطر لكل التزام (type commitment) ولكل نشاط (type activity): الرقم، المعرف، الترتيب، العنوان حسب اللغة، المبادئ، المصالح، المشكل، الحل، النتائج المنتظرة، الحالة، مستوى الإنجاز، النشر، التواريخ المبرمجة والفعلية (YYYY-MM)، نسبة التقدم، المسؤول، المخرجات.",
            "en": "The action plan, one row per commitment (type commitment) and per activity (type activity): number, activity_id, position, title.<locale>, principles (separated by ;), lead_services, other_actors, problem, solution, expected_results (per locale), status, completion (OGP level), published, planned_start, planned_end, actual_start, actual_end (YYYY-MM), progress (%), responsible, deliverable (per locale).",
        ]),
        OpenDataset(file: "plan.json", path: "/plans/export.json", description: [
            "fr": "Le plan d'action complet en JSON : engagements, activités, indicateurs et leurs valeurs, points d'étape, champs traduits par langue.",
            "ar": "خطة العمل كاملة بصيغة JSON: الالتزامات والأنشطة والمؤشرات وقيمها ونقط التقدم، مع الحقول المترجمة حسب اللغة.",
            "en": "The whole action plan as JSON: commitments, activities, indicators and their values, progress updates, translated fields per locale.",
        ]),
    ]

    public static func migrations(_ migrations: inout ModuleMigrations) { PlanSchema.register(&migrations) }

    private let services: ModuleServices

    public init(environment: ModuleEnvironment) throws { services = environment.services }

    public func routes(_ router: ModuleRouter) {
        PlansExports().register(router.site)
        PlansRevisions().registerSite(router.site)
        PlansRevisions().registerConsole(router.console)
        PlansSite(services: services).register(router.site)
        PlansConsole(services: services).register(router.console)
        PlansImport().register(router.console)
        PlansStatuses().register(router.console)
        PlansAPI().register(router.api)
    }

    /// Aggregated in SQL: the dashboard and every page that shows live figures read these, so they must
    /// not decode the whole plan.
    public func indicators(_ db: Database, _ tenant: Tenant) throws -> [Indicator] {
        guard let plan = try Plan.current(db), let planID = plan.id, plan.status != "draft" else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.status,
                   COALESCE((SELECT ROUND(AVG(a.progress)) FROM activity a WHERE a.commitment_id = c.id), s.progress, 0) AS progress,
                   (SELECT COUNT(*) FROM activity a LEFT JOIN plan_status x ON x.key = a.status
                     WHERE a.commitment_id = c.id AND a.planned_end < ? AND a.progress < 100 AND NOT COALESCE(x.complete, 0)) AS late
            FROM commitment c LEFT JOIN plan_status s ON s.key = c.status
            WHERE c.plan_id = ? AND c.published
            """, arguments: [YearMonth(Date()).description, planID])
        let progress = rows.isEmpty ? 0 : (Double(rows.map { $0["progress"] as Int }.reduce(0, +)) / Double(rows.count)).rounded()
        let statuses = try PlanStatus.order(Column("position")).fetchAll(db)
        let byStatus = statuses.map { status in
            Indicator(id: "plans.status.\(status.key)", title: status.label,
                      value: Double(rows.filter { $0["status"] == status.key }.count),
                      unit: ["fr": "engagement(s)", "ar": "التزام", "en": "commitment(s)"])
        }
        return byStatus + [
            Indicator(id: "plans.progress", title: ["fr": "Avancement du plan", "ar": "تقدم الخطة", "en": "Plan progress"],
                      value: progress, unit: ["fr": "%", "ar": "%", "en": "%"]),
            Indicator(id: "plans.commitments", title: ["fr": "Engagements publiés", "ar": "الالتزامات المنشورة", "en": "Published commitments"],
                      value: Double(rows.count)),
            Indicator(id: "plans.late_activities", title: ["fr": "Activités en retard", "ar": "أنشطة متأخرة", "en": "Overdue activities"],
                      value: Double(rows.map { $0["late"] as Int }.reduce(0, +))),
        ]
    }

    /// Published commitments of the current plan, for reports that evidence them.
    /// Published commitments, each followed by its activities (what a report evidences, what a suggestion changed).
    public func linkTargets(_ db: Database, _ tenant: Tenant) throws -> [LinkTarget] {
        guard let plan = try Plan.current(db), plan.status != "draft" else { return [] }
        let commitments = try Commitment.filter(Column("plan_id") == plan.id && Column("published") == true).order(Column("number")).fetchAll(db)
        let activities = Dictionary(grouping: try Activity.filter(commitments.compactMap(\.id).contains(Column("commitment_id")))
            .order(Column("position"), Column("planned_start")).fetchAll(db), by: \.commitmentID)
        return commitments.flatMap { commitment in
            [Self.target(commitment)] + (activities[commitment.id ?? 0] ?? []).map { Self.target($0, of: commitment) }
        }
    }

    private static func target(_ activity: Activity, of commitment: Commitment) -> LinkTarget {
        LinkTarget(id: "plans:activity:\(activity.id ?? 0)",
                   title: LocalizedText(activity.title.values.mapValues { "\(commitment.number) › \($0)" }),
                   path: "/plans/\(commitment.number)#activity-\(activity.id ?? 0)")
    }

    private static func target(_ commitment: Commitment) -> LinkTarget {
        LinkTarget(id: "plans:commitment:\(commitment.number)",
                   title: LocalizedText(commitment.title.values.mapValues { "\(commitment.number). \($0)" }), path: "/plans/\(commitment.number)")
    }

    /// Published commitments (`commitment:<number>`) and their activities (`activity:<id>`) take comments and suggestions.
    public func feedbackTarget(_ db: Database, _ tenant: Tenant, item: String) throws -> LinkTarget? {
        let parts = item.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let key = Int64(parts[1]), let plan = try Plan.current(db), plan.status != "draft" else { return nil }
        switch parts[0] {
        case "commitment":
            return try Commitment.filter(Column("plan_id") == plan.id && Column("number") == key && Column("published") == true)
                .fetchOne(db).map(Self.target)
        case "activity":
            guard let activity = try Activity.fetchOne(db, key: key),
                  let commitment = try Commitment.filter(Column("id") == activity.commitmentID && Column("plan_id") == plan.id
                                                         && Column("published") == true).fetchOne(db) else { return nil }
            return Self.target(activity, of: commitment)
        default:
            return nil
        }
    }

    /// Published commitments, their activities and progress updates.
    public func searchDocuments(_ db: Database, _ tenant: Tenant) throws -> [SearchDocument] {
        guard let plan = try Plan.current(db), plan.status != "draft" else { return [] }
        let commitments = try Commitment.filter(Column("plan_id") == plan.id && Column("published") == true).fetchAll(db)
        let numbers = Dictionary(uniqueKeysWithValues: commitments.compactMap { c in c.id.map { ($0, c.number) } })
        let ids = Array(numbers.keys)
        var documents = commitments.map { commitment in
            SearchDocument(kind: "commitment", key: String(commitment.number), title: Self.target(commitment).title,
                           body: SearchDocument.text(commitment.problem, commitment.solution, commitment.expectedResults, commitment.leadServices),
                           path: "/plans/\(commitment.number)")
        }
        documents += try Activity.filter(ids.contains(Column("commitment_id"))).fetchAll(db).map { activity in
            let number = numbers[activity.commitmentID] ?? 0
            return SearchDocument(kind: "activity", key: String(activity.id ?? 0), title: activity.title,
                                  body: SearchDocument.text(activity.deliverable, activity.responsible),
                                  path: "/plans/\(number)#activity-\(activity.id ?? 0)")
        }
        documents += try ProgressUpdate.filter(ids.contains(Column("commitment_id"))).fetchAll(db).map { update in
            SearchDocument(kind: "update", key: String(update.id ?? 0), title: LocalizedText(["fr": update.date, "ar": update.date, "en": update.date]),
                           body: update.text, path: "/plans/\(numbers[update.commitmentID] ?? 0)")
        }
        return documents
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

    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {
        guard tenant.kind == .commune else { return }
        try PlanSample.install(db)
    }
}
