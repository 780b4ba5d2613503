import CivicSDK
import Foundation
import GRDB

/// Markdown content pages per tenant ("About the action plan", "How to take part"),
/// translatable, with editor create/edit/publish and a public history.
public struct PagesModule: CivicModule {
    public static let manifest = ModuleManifest(
        id: "pages",
        title: ["fr": "Pages", "ar": "الصفحات", "en": "Pages"],
        summary: [
            "fr": "Pages de contenu en Markdown, traduisibles, avec historique public.",
            "ar": "صفحات محتوى بصيغة ماركداون، قابلة للترجمة، مع سجل عمومي للتغييرات.",
            "en": "Translatable Markdown content pages with a public history.",
        ],
        permissions: [
            Permission("pages.edit", roles: [.editor]),
            Permission("pages.publish", roles: [.editor]),
        ],
        settings: [
            ModuleSetting(key: "history_public", kind: .flag, defaultValue: "true"),
        ],
        consoleLinks: [
            ConsoleLink(title: ["fr": "Gérer les pages", "ar": "إدارة الصفحات", "en": "Manage pages"], path: "", permission: "pages.edit"),
        ],
        openData: [
            OpenDataset(file: "pages.json", path: PageRoute.api.path, description: [
                "fr": "Les pages publiées : slug, title (par langue), updatedAt (ISO 8601), url.",
                "ar": "الصفحات المنشورة: المعرف، العنوان حسب اللغة، تاريخ التحديث، الرابط.",
                "en": "Published pages: slug, title (per locale), updatedAt (ISO 8601), url.",
            ], paginated: true),
        ],
        resources: .module,
        pages: [PagesIndexPage.self, PageViewPage.self, PageHistoryPage.self, PagesConsolePage.self, PageFormPage.self],
        migrations: schema)

    private static func schema(_ migrations: inout ModuleMigrations) {
        migrations.add("001-create-page") { db in
            try db.create(table: "page") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                    .check(sql: "length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*'")
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("published", .boolean).notNull().defaults(to: false)
                t.column("position", .integer).notNull().defaults(to: 0)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(index: "page_published_position", on: "page", columns: ["published", "position"])
        }
    }

    private let services: ModuleServices

    public init(environment: ModuleEnvironment) throws { services = environment.services }

    public func routes(_ router: ModuleRouter) {
        PagesSite(services: services).register(router.site)
        PagesConsole().register(router.console)
        PagesAPI().register(router.api)
    }

    /// A page has no publication date: a published page counts from its creation.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] {
        let published = try Page.filter(Page.Columns.published == true && Page.Columns.createdAt < moment.end).fetchCount(db)
        return [Indicator(id: "pages.published", title: ["fr": "Pages publiées", "ar": "الصفحات المنشورة", "en": "Published pages"],
                          value: Double(published))]
    }

    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {
        try PagesSample.install(db, tenant)
    }

    /// Published pages: searched and open to comments (`page:<slug>`).
    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] {
        try Page.publishedInOrder().fetchAll(db).map(Self.item)
    }

    public func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem? {
        guard kind == "page" else { return nil }
        return try Page.filter(Page.Columns.published == true && Page.Columns.slug == key).fetchOne(db).map(Self.item)
    }

    private static func item(_ page: Page) -> PublicItem {
        PublicItem(kind: "page", key: page.slug, title: page.title, path: PageRoute.page(page.slug).path, text: page.body, uses: [.feedback, .search, .notice])
    }

    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? {
        let pages = try await context.database.read { db in try Page.publishedLinks(db, limit: 5) }
        guard !pages.isEmpty else { return nil }
        return SummaryCard(
            title: context.text("pages.card_title"),
            text: context.text("pages.card_text"),
            items: pages.map { .init(label: context.localized($0.title), href: PageRoute.page($0.slug).href(context)) },
            link: .init(label: context.text("pages.all_pages"), href: PageRoute.list.href(context)))
    }
}
