import CivicSDK
import Foundation
import GRDB

/// Consultative instances (equity and gender, youth…): each manages its own section — profile,
/// members, meetings, opinions and the commune's follow-up of them — in its own tenant; the parent
/// commune lists its instances from what each publishes.
public struct InstancesModule: CivicModule {
    public static let manifest = ModuleManifest(
        id: "instances",
        title: ["fr": "Instances consultatives", "ar": "الهيئات الاستشارية", "en": "Consultative instances"],
        summary: [
            "fr": "Profil, membres, réunions et avis des instances consultatives, et les suites données par la commune.",
            "ar": "تعريف الهيئات الاستشارية وأعضاؤها واجتماعاتها وآراؤها، وما خصصته لها الجماعة من تتبع.",
            "en": "Profile, members, meetings and opinions of consultative instances, and the commune's follow-up.",
        ],
        permissions: [
            Permission("instances.edit", roles: [.editor]),
        ],
        consoleLinks: [
            ConsoleLink(title: ["fr": "Profil, membres, réunions et avis", "ar": "التعريف والأعضاء والاجتماعات والآراء",
                                "en": "Profile, members, meetings and opinions"], path: "", permission: "instances.edit"),
        ],
        openData: [
            OpenDataset(file: "instance.json", path: InstanceRoute.api.path, description: [
                "fr": "Pour une instance : profil, membres, réunions et avis avec la suite donnée par la commune. Pour une commune : ses instances et leurs chiffres publics.",
                "ar": "بالنسبة لهيئة: التعريف والأعضاء والاجتماعات والآراء مع تتبع الجماعة. بالنسبة لجماعة: هيئاتها وأرقامها العمومية.",
                "en": "For an instance: profile, members, meetings and opinions with the commune's follow-up. For a commune: its instances and their public facts.",
            ]),
            OpenDataset(file: "members.csv", path: InstanceRoute.membersCSV.path, description: [
                "fr": "Membres : name, role (president, rapporteur, member), quality, started_on, ended_on (vide si toujours membre).",
                "ar": "الأعضاء: الاسم، الدور، الصفة، تاريخ البداية، تاريخ النهاية (فارغ إن كان لا يزال عضوا).",
                "en": "Members: name, role (president, rapporteur, member), quality, started_on, ended_on (empty while still a member).",
            ], kinds: [.instance]),
            OpenDataset(file: "meetings.csv", path: InstanceRoute.meetingsCSV.path, description: [
                "fr": "Réunions : starts_at (heure locale AAAA-MM-JJTHH:MM), status (planned, held, cancelled), place, agenda, attendance, minutes_file.",
                "ar": "الاجتماعات: التاريخ والساعة المحليان، الحالة، المكان، جدول الأعمال، عدد الحاضرين، ملف المحضر.",
                "en": "Meetings: starts_at (local time YYYY-MM-DDTHH:MM), status (planned, held, cancelled), place, agenda, attendance, minutes_file.",
            ], kinds: [.instance]),
            OpenDataset(file: "opinions.csv", path: InstanceRoute.opinionsCSV.path, description: [
                "fr": "Avis : adopted_on, title, subject, follow_up (received, under_study, taken, not_taken), follow_up_on, follow_up_reason, file.",
                "ar": "الآراء: تاريخ المصادقة، العنوان، الموضوع، التتبع، تاريخه، سببه، الملف.",
                "en": "Opinions: adopted_on, title, subject, follow_up (received, under_study, taken, not_taken), follow_up_on, follow_up_reason, file.",
            ], kinds: [.instance]),
        ],
        resources: .module,
        pages: [InstanceOverviewPage.self, CommuneInstancesPage.self, MembersPage.self, MeetingsPage.self, MeetingPage.self, OpinionsPage.self,
                OpinionPage.self, InstanceFormPage.self, InstanceConsoleListPage.self],
        migrations: InstanceSchema.register)

    private let services: ModuleServices

    public init(environment: ModuleEnvironment) throws { services = environment.services }

    public func routes(_ router: ModuleRouter) {
        InstancesData(services: services).registerSite(router.site)
        InstancesSite(services: services).register(router.site)
        InstancesData(services: services).registerAPI(router.api)
        InstancesConsole().register(router.console)
    }

    /// Meetings held (in all and per year), opinions issued, and the share the commune has followed up.
    /// Meetings count from their day, opinions from the day they were adopted, the commune's follow-up
    /// from the day it was given.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] {
        guard tenant.kind == .instance else { return [] }
        let held = try Row.fetchAll(db, sql: """
            SELECT substr(starts_at, 1, 4) AS year, COUNT(*) AS n FROM instance_meeting WHERE status = 'held' AND substr(starts_at, 1, 10) <= ? GROUP BY year
            """, arguments: [moment.day])
        let opinions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM instance_opinion WHERE adopted_on <= ?", arguments: [moment.day]) ?? 0
        let followed = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM instance_opinion
            WHERE adopted_on <= :day AND follow_up IN ('taken','not_taken','under_study') AND (:now OR COALESCE(follow_up_on, adopted_on) <= :day)
            """, arguments: ["day": moment.day, "now": moment.isNow]) ?? 0
        var figures = [
            Indicator(id: "instances.meetings_held", title: ["fr": "Réunions tenues", "ar": "الاجتماعات المنعقدة", "en": "Meetings held"],
                      value: Double(held.map { $0["n"] as Int }.reduce(0, +))),
            Indicator(id: "instances.opinions", title: ["fr": "Avis émis", "ar": "الآراء الصادرة", "en": "Opinions issued"], value: Double(opinions)),
            Indicator(id: "instances.follow_up_rate", title: ["fr": "Avis suivis par la commune", "ar": "الآراء التي تتبعتها الجماعة",
                                                              "en": "Opinions followed up by the commune"],
                      value: opinions == 0 ? 0 : (Double(followed) * 100 / Double(opinions)).rounded(), unit: ["fr": "%", "ar": "%", "en": "%"]),
        ]
        for row in held {
            let year: String = row["year"]
            figures.append(Indicator(id: "instances.meetings_held.\(year)", title: ["fr": "Réunions tenues en \(year)", "ar": "الاجتماعات المنعقدة \(year)",
                                                                                    "en": "Meetings held in \(year)"], value: Double(row["n"] as Int)))
        }
        return figures
    }

    public func monitoringSections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer: MonitoringWriter) throws -> [MonitoringSection] {
        try InstanceMonitoring.sections(db, tenant, period: period, writer: writer)
    }

    /// What the parent commune shows about this instance.
    public func publicDigest(_ db: Database, _ tenant: Tenant) throws -> [String: String]? {
        guard tenant.kind == .instance else { return nil }
        let today = tenant.today
        var facts: [String: String] = [:]
        if let profile = try InstanceProfile.load(db), let start = profile.mandateStart {
            facts["mandate_start"] = start
            facts["mandate_end"] = profile.mandateEnd
        }
        facts["members"] = String(try Member.filter(sql: "started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)", arguments: [today, today]).fetchCount(db))
        facts["opinions"] = String(try Opinion.fetchCount(db))
        if let next = try String.fetchOne(db, sql: "SELECT starts_at FROM instance_meeting WHERE status = 'planned' AND starts_at >= ? ORDER BY starts_at LIMIT 1",
                                          arguments: [today]) {
            facts["next_meeting"] = next
        }
        if let last = try String.fetchOne(db, sql: """
            SELECT MAX(day) FROM (SELECT substr(starts_at, 1, 10) AS day FROM instance_meeting WHERE status = 'held' AND starts_at <= ?
                                  UNION ALL SELECT adopted_on FROM instance_opinion)
            """, arguments: [today + "T23:59"]) {
            facts["last_activity"] = last
        }
        if let latest = try Opinion.order(Opinion.Columns.adoptedOn.desc).fetchOne(db) {
            for (locale, title) in latest.title.values { facts["latest_opinion.\(locale)"] = title }
        }
        return facts
    }

    /// An instance's opinions (`opinion:<id>`: linked to, searched, open to comments), meetings
    /// (searched), and itself (`profile:1`: searched, followed).
    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] {
        guard tenant.kind == .instance else { return [] }
        // who the instance is: its mission, composition and legal basis
        let profile = try InstanceProfile.load(db).map { Self.item($0, tenant: tenant) }
        let opinions = try Opinion.order(Opinion.Columns.adoptedOn.desc).fetchAll(db).map(Self.item)
        let meetings = try Meeting.fetchAll(db).map { meeting in
            PublicItem(kind: "meeting", key: String(meeting.id ?? 0), title: InstanceNews.title(meeting, tenant: tenant),
                       path: InstanceRoute.meeting(meeting.id ?? 0).path, text: PublicItem.text(meeting.agenda, meeting.place, meeting.minutesText),
                       uses: [.search])
        }
        return [profile ?? Self.item(nil, tenant: tenant)] + opinions + meetings
    }

    public func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem? {
        guard tenant.kind == .instance else { return nil }
        if kind == InstanceNews.instance.kind { return key == InstanceNews.instance.key ? Self.item(try InstanceProfile.load(db), tenant: tenant) : nil }
        guard kind == "opinion", let id = Int64(key) else { return nil }
        return try Opinion.fetchOne(db, key: id).map(Self.item)
    }

    /// Who the instance is (its mission, composition and legal basis, searched once written), and the
    /// instance as a whole, to follow: its meetings and opinions.
    private static func item(_ profile: InstanceProfile?, tenant: Tenant) -> PublicItem {
        PublicItem(kind: InstanceNews.instance.kind, key: InstanceNews.instance.key, title: tenant.name, path: InstanceRoute.overview.path,
                   text: profile.map { PublicItem.text($0.mission, $0.composition, $0.legalBasis) } ?? LocalizedText([:]),
                   uses: profile == nil ? [.follow] : [.search, .follow])
    }

    private static func item(_ opinion: Opinion) -> PublicItem {
        PublicItem(kind: "opinion", key: String(opinion.id ?? 0), title: opinion.title, path: InstanceRoute.opinion(opinion.id ?? 0).path,
                   text: PublicItem.text(opinion.subject, opinion.body, opinion.followUpReason))
    }

    /// On a commune: each instance with its next meeting or latest opinion. On an instance: its next meeting and latest opinion.
    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? {
        if context.tenant.kind == .commune {
            let digests = try await services.digests.children(Self.id, context: context)
            guard !digests.isEmpty else { return nil }
            return SummaryCard(title: context.text("instances.title"), text: context.text("instances.card_text"), items: digests.map { digest in
                let v = digest.values
                let latest = v["latest_opinion.\(context.locale)"] ?? context.tenant.locales.lazy.compactMap { v["latest_opinion.\($0)"] }.first
                let detail = v["next_meeting"].map { "\(context.text("instances.next_meeting")) \(Bidi.isolate(context.dates.dateTime(local: $0).text))" }
                    ?? latest.map { "\(context.text("instances.latest_opinion")) \($0)" } ?? ""
                return .init(label: "\(digest.tenant.displayName(context.locale))\(detail.isEmpty ? "" : " — \(detail)")", href: digest.home + "instances")
            }, link: .init(label: context.text("instances.all"), href: InstanceRoute.overview.href(context)))
        }
        let facts = try await context.database.read { db in try publicDigest(db, context.tenant) } ?? [:]
        var items: [SummaryCard.Item] = []
        if let next = facts["next_meeting"] {
            items.append(.init(label: "\(context.text("instances.next_meeting")) \(Bidi.isolate(context.dates.dateTime(local: next).text))", href: InstanceRoute.meetings.href(context)))
        }
        if let latest = facts["latest_opinion.\(context.locale)"] ?? context.tenant.locales.lazy.compactMap({ facts["latest_opinion.\($0)"] }).first {
            items.append(.init(label: "\(context.text("instances.latest_opinion")) \(latest)", href: InstanceRoute.opinions.href(context)))
        }
        return SummaryCard(title: context.text("instances.section_title"), text: context.text("instances.card_text_instance"), items: items,
                           link: .init(label: context.text("instances.open_section"), href: InstanceRoute.overview.href(context)))
    }

    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {
        guard tenant.kind == .instance else { return }
        try InstanceSample.install(db)
    }
}
