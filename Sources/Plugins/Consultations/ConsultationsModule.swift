import CivicSDK
import Foundation
import GRDB

/// Consultations: forms citizens answer once each, without JavaScript, with results counted in SQL
/// and published as charts with their tables, CSV and JSON.
public struct ConsultationsModule: CivicModule {
    public static let manifest = ModuleManifest(
        id: "consultations",
        title: ["fr": "Consultations", "ar": "الاستشارات", "en": "Consultations"],
        summary: [
            "fr": "Questionnaires publics, une réponse par personne, résultats publiés en graphiques et en données.",
            "ar": "استمارات عمومية، جواب واحد لكل شخص، ونتائج منشورة في رسوم بيانية وبيانات.",
            "en": "Public questionnaires, one answer per person, results published as charts and data.",
        ],
        permissions: [
            Permission("consultations.edit", roles: [.editor]),
            Permission("consultations.moderate", roles: [.moderator]),
        ],
        consoleLinks: [
            ConsoleLink(title: ["fr": "Gérer les consultations", "ar": "إدارة الاستشارات", "en": "Manage consultations"], path: "",
                        permission: "consultations.edit"),
        ],
        openData: [
            OpenDataset(file: "consultation-results.json", path: ConsultationRoute.api.path + "/results", description: [
                "fr": "Les résultats de chaque consultation dont les résultats sont publiés : responses (répondants), et par question id, type, title (par langue), respondents, lines (label par langue, count, percent, meanRank et firsts pour un classement), mean (échelle), textAnswers (nombre de réponses libres).",
                "ar": "نتائج كل استشارة نُشرت نتائجها: عدد المجيبين، ولكل سؤال المعرف والنوع والعنوان حسب اللغة وعدد المجيبين والأسطر (التسمية والعدد والنسبة والرتبة المتوسطة) والمتوسط وعدد الأجوبة الحرة.",
                "en": "The results of each consultation whose results are published: responses (respondents), and per question id, type, title (per locale), respondents, lines (label per locale, count, percent, meanRank and firsts for a ranking), mean (scale), textAnswers (number of free answers).",
            ]),
            OpenDataset(file: "consultations.json", path: ConsultationRoute.api.path, description: [
                "fr": "Les consultations publiques : id, title (par langue), status, phase (upcoming, open, closed, results), opensAt, closesAt (ISO 8601), audience, subject, resultsURL (résultats agrégés en JSON une fois publiés).",
                "ar": "الاستشارات العمومية: المعرف، العنوان حسب اللغة، الحالة، المرحلة، تاريخا الافتتاح والإغلاق، الجمهور، الموضوع، رابط النتائج المجمعة بعد نشرها.",
                "en": "Public consultations: id, title (per locale), status, phase (upcoming, open, closed, results), opensAt, closesAt (ISO 8601), audience, subject, resultsURL (aggregated results as JSON once published).",
            ], paginated: true),
        ],
        resources: .module,
        pages: [ConsultationsIndexPage.self, ConsultationPage.self, ReceiptPage.self, ResultsPage.self, ResultsPendingPage.self, ConsultationsConsolePage.self,
                ConsultationEditorPage.self, FormPage.self],
        personalCookies: [ConsultationsSite.respondentCookie],
        migrations: ConsultationSchema.register)

    private let environment: ModuleEnvironment

    public init(environment: ModuleEnvironment) throws { self.environment = environment }

    public func routes(_ router: ModuleRouter) {
        ConsultationsData().registerSite(router.site)
        ConsultationsSite(environment: environment).register(router.site)
        ConsultationsData().registerAPI(router.api)
        ConsultationsConsole(services: environment.services).register(router.console)
    }

    /// Consultations open now, and answers received in all.
    /// A past moment counts the consultations whose dates held it and the answers submitted before it;
    /// now, a consultation closed early by its editors is no longer open.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] {
        let open = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM consultation WHERE status != 'draft' AND (status = 'open' OR NOT ?) AND opens_at <= ? AND closes_at > ?
            """, arguments: [moment.isNow, moment.end, moment.end]) ?? 0
        let answers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consultation_response WHERE submitted_at < ?", arguments: [moment.end]) ?? 0
        return [
            Indicator(id: "consultations.open", title: ["fr": "Consultations ouvertes", "ar": "الاستشارات المفتوحة", "en": "Open consultations"],
                      value: Double(open)),
            Indicator(id: "consultations.answers", title: ["fr": "Réponses aux consultations", "ar": "الأجوبة على الاستشارات",
                                                           "en": "Answers to consultations"], value: Double(answers)),
        ]
    }

    public func monitoringSections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer: MonitoringWriter) throws -> [MonitoringSection] {
        try ConsultationMonitoring.sections(db, tenant, period: period, writer: writer)
    }

    /// Public consultations (`consultation:<id>`): linked to, searched, open to comments and followed;
    /// and all consultations, to follow (`list:all`: each one announced, closed, its results).
    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] {
        [Self.list] + (try Consultation.publiclyVisible().order(Consultation.Columns.opensAt.desc).fetchAll(db).map(Self.item))
    }

    public func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem? {
        if kind == Self.list.kind { return key == Self.list.key ? Self.list : nil }
        guard kind == "consultation", let id = Int64(key) else { return nil }
        return try Consultation.publiclyVisible().filter(key: id).fetchOne(db).map(Self.item)
    }

    /// The account's answers: each consultation, its receipt, and what was answered to each question.
    public func accountData(_ db: Database, _ tenant: Tenant, accountID: Int64) throws -> Data? {
        let responses = try Row.fetchAll(db, sql: """
            SELECT r.id, r.receipt, r.submitted_at, r.locale, c.title FROM consultation_response r JOIN consultation c ON c.id = r.consultation_id
            WHERE r.account_id = ? ORDER BY r.submitted_at
            """, arguments: [accountID])
        guard !responses.isEmpty else { return nil }
        let answers = Dictionary(grouping: try Row.fetchAll(db, sql: """
            SELECT a.response_id, q.title AS question, o.label AS option, a.number, a.text FROM consultation_answer a
            JOIN consultation_question q ON q.id = a.question_id LEFT JOIN consultation_option o ON o.id = a.option_id
            WHERE a.response_id IN (SELECT id FROM consultation_response WHERE account_id = ?) ORDER BY a.response_id, q.position, a.id
            """, arguments: [accountID]), by: { $0["response_id"] as Int64 })
        let document = responses.map { row -> AccountAnswers in
            AccountAnswers(consultation: LocalizedText(json: row["title"]).values, receipt: ReceiptCode.display(row["receipt"]),
                           submittedAt: row["submitted_at"], language: row["locale"],
                           answers: (answers[row["id"]] ?? []).map {
                               .init(question: LocalizedText(json: $0["question"]).values, option: ($0["option"] as String?).map { LocalizedText(json: $0).values },
                                     number: $0["number"], text: $0["text"])
                           })
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(["consultation_answers": document])
    }

    /// The account's answers stay in the results, no longer linked to it.
    public func forgetAccount(_ db: Database, _ tenant: Tenant, accountID: Int64) throws {
        try db.execute(sql: "UPDATE consultation_response SET account_id = NULL, respondent = 'deleted:' || id WHERE account_id = ?", arguments: [accountID])
    }

    /// Consultations that opened or closed on their dates in the period.
    public func newsByDate(_ db: Database, _ tenant: Tenant, from: Date, to: Date, words: (String) -> LocalizedText) throws -> [FollowNews] {
        let open = Consultation.Status.open.rawValue
        let opened = try Consultation.filter(Consultation.Columns.status == open && Consultation.Columns.opensAt > from && Consultation.Columns.opensAt <= to)
            .fetchAll(db).map { ($0, "consultations.news.opened") }
        let closed = try Consultation.filter(Consultation.Columns.status == open && Consultation.Columns.closesAt > from && Consultation.Columns.closesAt <= to)
            .fetchAll(db).map { ($0, "consultations.news.closed") }
        return (opened + closed).map { consultation, headline in
            FollowNews(kind: "consultation", key: String(consultation.id ?? 0), within: [(Self.list.kind, Self.list.key)], title: consultation.title,
                       path: ConsultationRoute.consultation(consultation.id ?? 0).path, headline: words(headline))
        }
    }

    /// Every consultation, to follow.
    static let list = PublicItem(kind: "list", key: "all", title: manifest.title, path: ConsultationRoute.list.path, uses: [.follow])

    private static func item(_ consultation: Consultation) -> PublicItem {
        PublicItem(kind: "consultation", key: String(consultation.id ?? 0), title: consultation.title,
                   path: ConsultationRoute.consultation(consultation.id ?? 0).path, text: consultation.description,
                   uses: [.link, .feedback, .search, .follow])
    }

    /// The consultations the account answered, each with its receipt.
    public func accountRecords(_ db: Database, _ tenant: Tenant, accountID: Int64) throws -> [AccountRecord] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.title, r.receipt, r.submitted_at FROM consultation_response r JOIN consultation c ON c.id = r.consultation_id
            WHERE r.account_id = ? ORDER BY r.submitted_at DESC
            """, arguments: [accountID]).map { row in
            let code = ReceiptCode.display(row["receipt"])
            return AccountRecord(title: LocalizedText(json: row["title"]), path: ConsultationRoute.receipt(row["id"], code: code).path,
                                 date: row["submitted_at"], detail: code)
        }
    }

    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? {
        let now = Date()
        let current = try await context.database.read { db in
            try Consultation.publiclyVisible().order(Consultation.Columns.closesAt.desc).limit(3).fetchAll(db)
        }
        guard !current.isEmpty else { return nil }
        return SummaryCard(
            title: context.text("consultations.card_title"), text: context.text("consultations.card_text"),
            items: current.map { consultation in
                .init(label: "\(context.localized(consultation.title)) — \(context.text("consultations.phase.\(consultation.phase(at: now).rawValue)"))",
                      href: ConsultationRoute.consultation(consultation.id ?? 0).href(context))
            },
            link: .init(label: context.text("consultations.all"), href: ConsultationRoute.list.href(context)))
    }

    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {
        guard tenant.kind == .commune else { return }
        try ConsultationSample.install(db)
    }
}
