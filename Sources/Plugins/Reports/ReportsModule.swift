import CivicSDK
import Foundation
import GRDB

/// Every monitoring report, on time, findable and downloadable: files checked and hashed, deadlines
/// tracked in public, full-text search, feeds and exports.
public struct ReportsModule: CivicModule {
    public static let manifest = ModuleManifest(
        id: "reports",
        title: ["fr": "Rapports", "ar": "التقارير", "en": "Reports"],
        summary: [
            "fr": "Archive publique des rapports de suivi, avec échéances, empreintes et recherche.",
            "ar": "أرشيف عمومي لتقارير التتبع، مع الآجال والبصمات والبحث.",
            "en": "Public archive of monitoring reports, with deadlines, checksums and search.",
        ],
        permissions: [
            Permission("reports.edit", roles: [.editor]),
        ],
        consoleLinks: [
            ConsoleLink(title: ["fr": "Gérer les rapports", "ar": "إدارة التقارير", "en": "Manage reports"], path: "", permission: "reports.edit"),
        ],
        openData: [
            OpenDataset(file: "reports.csv", path: ReportRoute.exportCSV.path, description: [
                "fr": "Les rapports, un par ligne : id, type, year (année couverte), period_start, period_end, published_on (AAAA-MM-JJ), status (published, withdrawn), languages, title.<langue>, summary.<langue>, files (adresses), sha256 (empreintes des fichiers), sample.",
                "ar": "التقارير، تقرير في كل سطر: المعرف، النوع، السنة المغطاة، بداية ونهاية الفترة، تاريخ النشر، الحالة، اللغات، العنوان والملخص حسب اللغة، الملفات وبصماتها SHA-256، مثال.",
                "en": "Reports, one per row: id, type, year (year covered), period_start, period_end, published_on (YYYY-MM-DD), status (published, withdrawn), languages, title.<locale>, summary.<locale>, files (addresses), sha256 (file checksums), sample.",
            ]),
            OpenDataset(file: "reports.json", path: ReportRoute.api.path, description: [
                "fr": "Les rapports en JSON avec leurs fichiers, les échéances attendues (état : à temps, en retard, manquant) et le taux de publication à temps.",
                "ar": "التقارير بصيغة JSON مع ملفاتها والآجال المنتظرة (في الوقت، متأخر، غائب) ونسبة النشر في الوقت.",
                "en": "Reports as JSON with their files, the expected deadlines (on time, late, missing) and the on-time rate.",
            ], paginated: true),
        ],
        resources: .module,
        pages: [ReportsIndexPage.self, ReportPage.self, ReportsConsolePage.self, ReportFormPage.self, MonitoringReportPage.self, MonitoringFormPage.self],
        migrations: ReportSchema.register)

    private let services: ModuleServices

    public init(environment: ModuleEnvironment) throws { services = environment.services }

    public func routes(_ router: ModuleRouter) {
        ReportsData().registerSite(router.site)
        ReportsSite(services: services).register(router.site)
        GeneratedReportRoutes(services: services).register(router.site)
        ReportsData().registerAPI(router.api)
        ReportsConsole(services: services).register(router.console)
    }

    /// Reports published (all, by year, by type) and the on-time rate of expected reports.
    /// Reports count from their publication date, so a report of 2024 published in March 2025 is in
    /// the figures of March 2025 onwards, whenever it was entered.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, year, COUNT(*) AS n FROM report WHERE status = 'published' AND published_on <= ? GROUP BY type, year
            """, arguments: [moment.day])
        let types = try ReportType.fetchAll(db)
        var figures = [Indicator(id: "reports.published", title: ["fr": "Rapports publiés", "ar": "التقارير المنشورة", "en": "Reports published"],
                                 value: Double(rows.map { $0["n"] as Int }.reduce(0, +)))]
        for year in Set(rows.map { $0["year"] as Int }).sorted() {
            figures.append(Indicator(id: "reports.published.\(year)", title: ["fr": "Rapports publiés en \(year)", "ar": "التقارير المنشورة \(year)",
                                                                              "en": "Reports published for \(year)"],
                                     value: Double(rows.filter { $0["year"] == year }.map { $0["n"] as Int }.reduce(0, +))))
        }
        for type in types {
            let count = rows.filter { $0["type"] == type.key }.map { $0["n"] as Int }.reduce(0, +)
            guard count > 0 else { continue }
            figures.append(Indicator(id: "reports.published.type.\(type.key)", title: type.label, value: Double(count)))
        }
        let deadlines = Deadlines(expected: try ExpectedReport.fetchAll(db),
                                  reports: try Report.publiclyVisible().filter(Report.Columns.publishedOn <= moment.day).fetchAll(db), today: moment.day)
        if let rate = deadlines.onTimeRate {
            figures.append(Indicator(id: "reports.on_time_rate", title: ["fr": "Rapports attendus publiés à temps", "ar": "التقارير المنشورة في أجلها",
                                                                         "en": "Expected reports published on time"],
                                     value: (rate * 100).rounded(), unit: ["fr": "%", "ar": "%", "en": "%"]))
        }
        return figures
    }

    public func monitoringSections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer: MonitoringWriter) throws -> [MonitoringSection] {
        try ReportMonitoring.sections(db, period: period, writer: writer)
    }

    /// A demo commune gets the monitoring report of 2024, the year its sample budget and report cover,
    /// written from its sample data and its instances', as staff would publish it (marked as an example).
    public func finishSampleContent(_ tenant: Tenant, root: String, database: TenantDatabase) async throws {
        guard tenant.kind == .commune, let period = MonitoringPeriod.year(2024), period.end < tenant.today else { return }
        let content = try await services.monitoring.report(tenant, root: root, database: database, period: period)
        let year = String(period.year)
        try await database.write { db in
            let report = try GeneratedReport.publish(
                db, title: ["fr": "Rapport de suivi du plan d’action — \(year)", "ar": "تقرير تتبع خطة العمل — \(year)", "en": "Action plan monitoring report — \(year)"],
                summary: GeneratedReport.summary(period, tenant: tenant) { locale in
                    ["fr": "Exemple : rapport de suivi rédigé par la plateforme à partir des données de démonstration, du {from} au {to}.",
                     "ar": "مثال: تقرير تتبع كتبته المنصة انطلاقا من معطيات العرض، من {from} إلى {to}.",
                     "en": "Example: monitoring report written by the platform from the demonstration data, from {from} to {to}."][locale] ?? ""
                },
                type: "annual_report", content: content,
                introduction: ["fr": "Exemple d’introduction : ce rapport rend compte de l’année \(year) du plan d’action, à partir des données publiées sur la plateforme.",
                               "ar": "مثال لمقدمة: يعرض هذا التقرير سنة \(year) من خطة العمل، انطلاقا من المعطيات المنشورة على المنصة.",
                               "en": "Example introduction: this report covers the year \(year) of the action plan, from the data published on the platform."],
                conclusions: [:], publishedOn: tenant.today, tenant: tenant, sample: true)
            try AuditEntry(accountID: nil, actorName: "system", module: Self.id, action: "publish", itemType: "report", itemID: String(report.id ?? 0),
                           summary: "\(year) (sample)", changes: []).insert(db)
        }
    }

    /// Published and withdrawn reports (a withdrawn one says why): searched and open to comments
    /// (`report:<id>`); and the archive as a whole, to follow (`archive:all`).
    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] {
        [Self.archive] + (try Report.publiclyVisible().fetchAll(db).map(Self.item))
    }

    public func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem? {
        if kind == Self.archive.kind { return key == Self.archive.key ? Self.archive : nil }
        guard kind == "report", let id = Int64(key) else { return nil }
        return try Report.publiclyVisible().filter(key: id).fetchOne(db).map(Self.item)
    }

    /// The whole archive: its followers hear of each report published or withdrawn.
    static let archive = PublicItem(kind: "archive", key: "all", title: manifest.title, path: ReportRoute.list.path, uses: [.follow])

    private static func item(_ report: Report) -> PublicItem {
        PublicItem(kind: "report", key: String(report.id ?? 0), title: report.title, path: ReportRoute.report(report.id ?? 0).path,
                   text: PublicItem.text(report.summary, report.withdrawnReason), uses: [.feedback, .search])
    }

    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? {
        let reports = try await context.database.read { db in
            try Report.filter(Report.Columns.status == Report.Status.published.rawValue).order(Report.Columns.publishedOn.desc).limit(3).fetchAll(db)
        }
        guard !reports.isEmpty else { return nil }
        return SummaryCard(title: context.text("reports.card_title"), text: context.text("reports.card_text"),
                           items: reports.map { .init(label: "\(context.localized($0.title)) (\($0.year))", href: ReportRoute.report($0.id ?? 0).href(context)) },
                           link: .init(label: context.text("reports.all"), href: ReportRoute.list.href(context)))
    }

    /// The annual report expected each March, and one sample report with a PDF made here.
    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {
        guard tenant.kind == .commune else { return }
        var expected = ExpectedReport(type: "annual_report", label: ["fr": "Rapport annuel de suivi du plan d'action", "ar": "التقرير السنوي لتتبع خطة العمل",
                                                                      "en": "Annual monitoring report of the action plan"],
                                      dueMonth: 3, dueDay: 31, firstYear: 2023)
        try expected.insert(db)
        let pdf = SamplePDF.make(lines: ["Rapport annuel de suivi - EXEMPLE", "Document d'exemple genere par OpenCommune.",
                                         "Il ne s'agit pas d'un rapport officiel de la commune."])
        let stored = try files.store(UploadedFile(field: "files", filename: "rapport-exemple-2023.pdf", declaredType: "application/pdf", bytes: pdf),
                                     accepting: [.pdf], maxBytes: ReportForm.maxFileBytes)
        var report = Report(title: ["fr": "Rapport annuel de suivi 2023", "ar": "التقرير السنوي للتتبع 2023", "en": "Annual monitoring report 2023"],
                            summary: ["fr": "Document d'exemple : il montre comment un rapport est publié, avec son fichier et son empreinte.",
                                      "ar": "وثيقة على سبيل المثال: تبين كيف يُنشر التقرير مع ملفه وبصمته.",
                                      "en": "Sample document: it shows how a report is published, with its file and checksum."],
                            type: "annual_report", periodStart: "2023-01-01", periodEnd: "2023-12-31", year: 2023, publishedOn: "2024-03-25",
                            languages: "fr", status: .published, withdrawnReason: [:], sample: true, createdAt: Date(), updatedAt: Date())
        try report.insert(db)
        var file = ReportFile(reportID: report.id ?? 0, storedName: stored.name, label: "rapport-exemple-2023.pdf", kind: stored.kind.rawValue,
                              size: stored.size, sha256: stored.sha256, downloads: 0)
        try file.insert(db)
        try ReportSearch.index(db, report)
        try AuditEntry(accountID: nil, actorName: "system", module: Self.id, action: "create", itemType: "report", itemID: String(report.id ?? 0),
                       summary: "sample", changes: []).insert(db)
    }
}
