import CivicSDK
import Hummingbird
import GRDB
import NIOCore

/// `{root}/`: the tenant's name, a card per enabled module, its figures and (for a commune) its instances.
struct TenantHomeRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("/", use: home)
        router.get("theme.css", use: theme)
    }

    @Sendable func home(_ request: Request, context: CivicContext) async throws -> Response {
        let tenant = context.tenant
        guard let entry = services.registry.entry(tenant.slug) else { throw HTTPError(.notFound) }
        let enabled = services.modules.modules.filter { entry.isEnabled($0.id) }
        var cards: [HomePage.Card] = []
        for module in enabled {
            var moduleContext = context
            moduleContext.module = module.id
            moduleContext.moduleSettings = ModuleSettings(declared: module.manifest.settings, values: entry.modules[module.id]?.settings ?? [:])
            if let card = try await module.instance.summaryCard(moduleContext) {
                cards.append(HomePage.Card(title: card.title, text: card.text, items: card.items.map { LinkView(label: $0.label, href: $0.href) },
                                           link: card.link.map { LinkView(label: $0.label, href: $0.href) }))
            }
        }
        let live = try await services.figures.live(context)
        let children = tenant.kind == .commune ? services.registry.instances(of: tenant.slug) : []
        var page = HomePage(name: tenant.displayName(context.locale), cards: cards, figures: Self.headline(live, context: context),
                            instances: children.map { HomePage.Instance(name: $0.tenant.displayName(context.locale), href: TenantLinks.home($0)) },
                            dashboardHref: HostRoute.dashboard.href(context))
        if context.can("core.admin") {
            page.setup = try await setup(entry: entry, contentPublished: cards.contains { !$0.items.isEmpty }, context: context)
        }
        return try context.render(page, title: tenant.displayName(context.locale))
    }

    /// The figures a visitor sees first, in this order when the tenant has them: for a commune, how
    /// far the plan has got, reports on time, suggestions answered and how fast; for an instance, its work.
    static func headlineFigures(_ kind: Tenant.Kind) -> [String] {
        switch kind {
        case .commune: ["plans.progress", "reports.on_time_rate", "feedback.response_rate", "feedback.median_response_days",
                        "consultations.open", "feedback.received"]
        case .instance: ["instances.meetings_held", "instances.opinions", "instances.follow_up_rate", "feedback.response_rate",
                         "feedback.received"]
        }
    }

    static func headline(_ live: [String: Indicator], context: CivicContext) -> [HomePage.Figure] {
        let unanswered = (live["feedback.response_rate"]?.value ?? 0) == 0
        return headlineFigures(context.tenant.kind).compactMap { live[$0] }.prefix(4).map { indicator in
            // a median of nothing is not zero days
            if indicator.id == "feedback.median_response_days", unanswered {
                return HomePage.Figure(label: context.localized(indicator.title), value: "—", unit: "(\(context.text("home.no_answer_yet")))")
            }
            let shown = context.figure(indicator.value, unit: indicator.unit)
            return HomePage.Figure(label: context.localized(indicator.title), value: shown.value, unit: shown.unit)
        }
    }

    /// The administrators' checklist, until every step is done.
    private func setup(entry: TenantEntry, contentPublished: Bool, context: CivicContext) async throws -> HomePage.Setup? {
        let team = try await context.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT account_id) FROM role_grant WHERE role != 'citizen'") ?? 0
        }
        let steps = [
            HomePage.Setup.Step(label: context.text("home.setup.modules"), href: ConsoleRoute.modules.href(context), done: entry.modules.values.contains { $0.enabled }),
            HomePage.Setup.Step(label: context.text("home.setup.settings"), href: ConsoleRoute.settings.href(context), done: entry.tenant.logoURL != nil),
            HomePage.Setup.Step(label: context.text("home.setup.team"), href: ConsoleRoute.users.href(context), done: team > 1),
            HomePage.Setup.Step(label: context.text("home.setup.content"), href: ConsoleRoute.home.href(context), done: contentPublished),
        ]
        return steps.allSatisfy(\.done) ? nil : HomePage.Setup(steps: steps)
    }

    /// The tenant's colour as CSS custom properties (kept out of the HTML so the CSP can forbid inline styles).
    @Sendable func theme(_ request: Request, context: CivicContext) async throws -> Response {
        let accent = AccentColor.shown(context.tenant.accentColor)
        return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=0, must-revalidate"],
                        body: .init(byteBuffer: ByteBuffer(string: ":root{--accent:\(accent);}\n")))
    }
}
