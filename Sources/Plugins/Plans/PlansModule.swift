import CivicSDK
import Foundation
import GRDB

/// The communal action plan, its commitments and activities, their progress and indicators, in public.
public struct PlansModule: CivicModule {
    public static let manifest = ModuleManifest(
        id: "plans",
        title: ["fr": "Plan d'action", "ar": "خطة العمل", "en": "Action plan"],
        summary: [
            "fr": "Le plan d'action communal, ses engagements, activités, avancement et indicateurs, en public.",
            "ar": "خطة العمل الجماعية والتزاماتها وأنشطتها ومدى تقدمها ومؤشراتها، للعموم.",
            "en": "The communal action plan, its commitments, activities, progress and indicators, in public.",
        ],
        permissions: [
            Permission("plans.edit", roles: [.editor]),
        ],
        settings: [
            // ISO 4217 code of the amounts entered from now on (each budget line keeps its own)
            ModuleSetting(key: "currency", kind: .text, defaultValue: "MAD"),
        ],
        consoleLinks: [
            ConsoleLink(title: ["fr": "Gérer le plan d'action", "ar": "إدارة خطة العمل", "en": "Manage the action plan"], path: "", permission: "plans.edit"),
        ],
        openData: [
            OpenDataset(file: "plan.csv", path: PlanRoute.exportCSV.path, description: [
                "fr": "Le plan d'action, une ligne par engagement (type commitment) et par activité (type activity) : number, activity_id, position, title.<langue>, principles (séparés par ;), lead_services, other_actors, problem, solution, expected_results (par langue), status, completion (niveau OGP), published, planned_start, planned_end, actual_start, actual_end (AAAA-MM), progress (%), responsible, deliverable (par langue).",
                "ar": "خطة العمل، سطر لكل التزام (type commitment) ولكل نشاط (type activity): الرقم، المعرف، الترتيب، العنوان حسب اللغة، المبادئ، المصالح، المشكل، الحل، النتائج المنتظرة، الحالة، مستوى الإنجاز، النشر، التواريخ المبرمجة والفعلية (YYYY-MM)، نسبة التقدم، المسؤول، المخرجات.",
                "en": "The action plan, one row per commitment (type commitment) and per activity (type activity): number, activity_id, position, title.<locale>, principles (separated by ;), lead_services, other_actors, problem, solution, expected_results (per locale), status, completion (OGP level), published, planned_start, planned_end, actual_start, actual_end (YYYY-MM), progress (%), responsible, deliverable (per locale).",
            ]),
            OpenDataset(file: "budget.csv", path: PlanRoute.budgetCSV.path, description: [
                "fr": "Le budget des engagements publiés, une ligne par montant daté : commitment (numéro), activity_id (vide pour l'engagement entier), kind (planned : prévu, une révision ajoute une ligne, négative pour une baisse ; committed : engagé ; spent : dépensé), date (AAAA-MM-JJ), amount, currency (code ISO 4217), label.<langue>, evidence (adresse de la pièce justificative).",
                "ar": "ميزانية الالتزامات المنشورة، سطر لكل مبلغ مؤرخ: رقم الالتزام، معرف النشاط (فارغ للالتزام كله)، النوع (planned: مبرمج، وكل مراجعة سطر جديد، سالب عند التخفيض؛ committed: ملتزم به؛ spent: مصروف)، التاريخ (YYYY-MM-DD)، المبلغ، العملة (رمز ISO 4217)، البيان حسب اللغة، رابط الوثيقة المثبتة.",
                "en": "The budget of the published commitments, one row per dated amount: commitment (number), activity_id (empty for the whole commitment), kind (planned; a revision adds a row, negative for a cut; committed; spent), date (YYYY-MM-DD), amount, currency (ISO 4217 code), label.<locale>, evidence (address of the supporting document).",
            ]),
            OpenDataset(file: "plan.json", path: PlanRoute.exportJSON.path, description: [
                "fr": "Le plan d'action complet en JSON : engagements, activités, indicateurs et leurs valeurs, points d'étape, lignes et totaux du budget, champs traduits par langue.",
                "ar": "خطة العمل كاملة بصيغة JSON: الالتزامات والأنشطة والمؤشرات وقيمها ونقط التقدم وسطور الميزانية ومجاميعها، مع الحقول المترجمة حسب اللغة.",
                "en": "The whole action plan as JSON: commitments, activities, indicators and their values, progress updates, budget lines and totals, translated fields per locale.",
            ]),
        ],
        resources: .module,
        pages: [PlanEmptyPage.self, PlanPage.self, PlanPage.Card.self, CommitmentPage.self, PlanConsolePage.self, CommitmentConsolePage.self, PlanImportPage.self,
                PlanStatusesPage.self, PlanRevisionsPage.self, PlanRevisionPage.self, FormPage.self, PlanCocreationPage.self, PlanDraftingPage.self],
        migrations: PlanSchema.register)

    private let services: ModuleServices

    public init(environment: ModuleEnvironment) throws { services = environment.services }

    public func routes(_ router: ModuleRouter) {
        PlansExports().register(router.site)
        PlansRevisions().registerSite(router.site)
        PlansRevisions().registerConsole(router.console)
        PlanDraftingSite(services: services).register(router.site)
        PlansSite(services: services).register(router.site)
        PlansConsole(services: services).register(router.console)
        PlansDrafting(services: services).register(router.console)
        PlansImport().register(router.console)
        PlansStatuses().register(router.console)
        PlansAPI().register(router.api)
    }

    /// Figures of the plan in force, rebuilt at a past moment from its progress updates and actual dates
    /// (see ``PlanState``), in a fixed number of queries whatever the plan's size.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] {
        guard let state = try PlanState.load(db, at: moment) else { return [] }
        let statuses = try PlanStatus.order(PlanStatus.Columns.position).fetchAll(db)
        let byStatus = statuses.map { status in
            Indicator(id: "plans.status.\(status.key)", title: status.label,
                      value: Double(state.commitments.filter { $0.status == status.key }.count),
                      unit: ["fr": "engagement(s)", "ar": "التزام", "en": "commitment(s)"])
        }
        return byStatus + (try budgetFigures(db, state, moment)) + [
            Indicator(id: "plans.progress", title: ["fr": "Avancement du plan", "ar": "تقدم الخطة", "en": "Plan progress"],
                      value: state.progress, unit: ["fr": "%", "ar": "%", "en": "%"]),
            Indicator(id: "plans.commitments", title: ["fr": "Engagements publiés", "ar": "الالتزامات المنشورة", "en": "Published commitments"],
                      value: Double(state.commitments.count)),
            Indicator(id: "plans.late_activities", title: ["fr": "Activités en retard", "ar": "أنشطة متأخرة", "en": "Overdue activities"],
                      value: Double(state.lateActivities)),
        ]
    }

    public func monitoringSections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer: MonitoringWriter) throws -> [MonitoringSection] {
        try PlanMonitoring.sections(db, tenant, period: period, writer: writer)
    }

    /// The budget of the published commitments as it stood at `moment` (lines dated up to its day), in
    /// the currency most lines use; none when no amount was entered.
    private func budgetFigures(_ db: Database, _ state: PlanState, _ moment: FigureMoment) throws -> [Indicator] {
        let lines = try BudgetLine.lines(db, commitments: state.commitments.compactMap(\.commitment.id))
        guard let totals = BudgetTotals.of(lines, upTo: moment.day).first ?? BudgetTotals.of(lines).first.map({ BudgetTotals(currency: $0.currency) }) else {
            return []
        }
        let unit = LocalizedText(["fr": totals.currency, "ar": totals.currency, "en": totals.currency])
        return [
            Indicator(id: "plans.budget_executed", title: ["fr": "Budget du plan dépensé", "ar": "ميزانية الخطة المصروفة", "en": "Plan budget spent"],
                      value: Double(totals.executed ?? 0), unit: ["fr": "%", "ar": "%", "en": "%"]),
            Indicator(id: "plans.budget.planned", title: ["fr": "Budget prévu", "ar": "الميزانية المبرمجة", "en": "Budget planned"], value: totals.planned, unit: unit),
            Indicator(id: "plans.budget.committed", title: ["fr": "Budget engagé", "ar": "الميزانية الملتزم بها", "en": "Budget committed"], value: totals.committed, unit: unit),
            Indicator(id: "plans.budget.spent", title: ["fr": "Budget dépensé", "ar": "الميزانية المصروفة", "en": "Budget spent"], value: totals.spent, unit: unit),
        ]
    }

    /// Published commitments of the current plan (`commitment:<number>`), each followed by its activities
    /// (`activity:<id>`): linked to, searched, open to comments; and their progress updates, searched.
    /// The plan itself (`plan:current`) and its commitments may be followed. A plan being drafted with
    /// citizens adds its proposals and draft commitments (see ``PlanDrafting``).
    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] {
        let drafting = try PlanDrafting.items(db, today: tenant.today)
        guard let plan = try Plan.current(db) else { return drafting }
        let commitments = try Commitment.publiclyVisible(in: plan).order(Commitment.Columns.number).fetchAll(db)
        let ids = commitments.compactMap(\.id)
        let activities = Dictionary(grouping: try Activity.filter(ids.contains(Activity.Columns.commitmentID))
            .order(Activity.Columns.position, Activity.Columns.plannedStart).fetchAll(db), by: \.commitmentID)
        let updates = Dictionary(grouping: try ProgressUpdate.filter(ids.contains(ProgressUpdate.Columns.commitmentID)).fetchAll(db), by: \.commitmentID)
        var items: [PublicItem] = plan.isPublic ? [Self.item(plan)] : []
        for commitment in commitments {
            items.append(Self.item(commitment))
            items += (activities[commitment.id ?? 0] ?? []).map { Self.item($0, of: commitment) }
            items += (updates[commitment.id ?? 0] ?? []).map { Self.item($0, of: commitment) }
        }
        return items + drafting
    }

    public func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem? {
        if kind == "proposals" || kind == "draft" { return try Int64(key).flatMap { try PlanDrafting.item(db, kind: kind, id: $0, today: tenant.today) } }
        guard let plan = try Plan.current(db), plan.isPublic else { return nil }
        if kind == PlanNews.plan.kind { return key == PlanNews.plan.key ? Self.item(plan) : nil }
        guard let id = Int64(key) else { return nil }
        switch kind {
        case "commitment":
            return try Commitment.publiclyVisible(in: plan).filter(Commitment.Columns.number == id).fetchOne(db).map(Self.item)
        case "activity":
            guard let activity = try Activity.fetchOne(db, key: id),
                  let commitment = try Commitment.publiclyVisible(in: plan).filter(key: activity.commitmentID).fetchOne(db) else { return nil }
            return Self.item(activity, of: commitment)
        default:
            return nil
        }
    }

    private static func item(_ commitment: Commitment) -> PublicItem {
        PublicItem(kind: "commitment", key: String(commitment.number),
                   title: LocalizedText(commitment.title.values.mapValues { "\(commitment.number). \($0)" }), path: PlanRoute.commitment(commitment.number).path,
                   text: PublicItem.text(commitment.problem, commitment.solution, commitment.expectedResults, commitment.leadServices),
                   uses: [.link, .feedback, .search, .follow])
    }

    /// The whole plan, to follow (`plan:current`: whichever plan is current).
    private static func item(_ plan: Plan) -> PublicItem {
        PublicItem(kind: PlanNews.plan.kind, key: PlanNews.plan.key, title: plan.title, path: PlanRoute.plan.path, uses: [.follow])
    }

    private static func item(_ activity: Activity, of commitment: Commitment) -> PublicItem {
        PublicItem(kind: "activity", key: String(activity.id ?? 0),
                   title: LocalizedText(activity.title.values.mapValues { "\(commitment.number) › \($0)" }),
                   path: PlanRoute.activity(commitment: commitment.number, id: activity.id ?? 0).path, text: PublicItem.text(activity.deliverable, activity.responsible))
    }

    private static func item(_ update: ProgressUpdate, of commitment: Commitment) -> PublicItem {
        PublicItem(kind: "update", key: String(update.id ?? 0), title: LocalizedText(["fr": update.date, "ar": update.date, "en": update.date]),
                   path: PlanRoute.commitment(commitment.number).path, text: update.text, uses: [.search])
    }

    /// Activities of public commitments that became overdue in the period: their planned end month
    /// passed (the plan's schedule is by month) while they were not complete.
    public func newsByDate(_ db: Database, _ tenant: Tenant, from: Date, to: Date, words: (String) -> LocalizedText) throws -> [FollowNews] {
        let dates = DateText(locale: tenant.defaultLocale, formats: tenant.formats)
        guard let plan = try Plan.current(db), plan.isPublic,
              let before = YearMonth(String(dates.isoDay(from).prefix(7))), let now = YearMonth(String(dates.isoDay(to).prefix(7))), before < now else { return [] }
        let statuses = Dictionary(uniqueKeysWithValues: try PlanStatus.fetchAll(db).map { ($0.key, $0) })
        let commitments = Dictionary(uniqueKeysWithValues: try Commitment.publiclyVisible(in: plan).fetchAll(db).map { ($0.id ?? 0, $0) })
        // late now, and not yet late at the start of the period
        return try Activity.filter(commitments.keys.contains(Activity.Columns.commitmentID)).fetchAll(db)
            .filter { $0.isLate(today: now, statuses: statuses) && !$0.isLate(today: before, statuses: statuses) }
            .compactMap { activity in
                guard let commitment = commitments[activity.commitmentID] else { return nil }
                return FollowNews(kind: "activity", key: String(activity.id ?? 0),
                                  within: [("commitment", String(commitment.number)), PlanNews.plan],
                                  title: LocalizedText(activity.title.values.mapValues { "\(commitment.number) › \($0)" }),
                                  path: PlanRoute.activity(commitment: commitment.number, id: activity.id ?? 0).path, headline: words("plans.news.late"))
            }
    }

    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? {
        let today = YearMonth.current(context.tenant)
        guard let overview = try await context.database.read({ db in try PlanOverview.load(db, includeUnpublished: false, today: today) }),
              !overview.rows.isEmpty else { return nil }
        return SummaryCard(
            title: context.localized(overview.plan.title),
            text: context.plural("plans.card_text", overview.rows.count) + " " + String(format: context.text("plans.card_progress"), overview.progress),
            items: overview.rows.prefix(5).map { .init(label: "\($0.commitment.number). \(context.localized($0.commitment.title)) — \($0.progress) %",
                                                       href: PlanRoute.commitment($0.commitment.number).href(context)) },
            link: .init(label: context.text("plans.see_plan"), href: PlanRoute.plan.href(context)))
    }

    /// The demo commune drafts its next plan with citizens (see ``PlanDraftingSample``).
    public func finishSampleContent(_ tenant: Tenant, root: String, database: TenantDatabase) async throws {
        guard tenant.kind == .commune else { return }
        try await database.write { db in try PlanDraftingSample.install(db) }
    }

    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {
        guard tenant.kind == .commune else { return }
        try PlanSample.install(db)
    }
}
