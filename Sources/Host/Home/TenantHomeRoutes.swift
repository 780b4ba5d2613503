import CivicSDK
import Hummingbird
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
        let figures = try await services.figures.live(context).values.sorted { $0.id < $1.id }.map { indicator in
            HomePage.Figure(label: context.localized(indicator.title), value: Self.format(indicator.value), unit: context.localized(indicator.unit))
        }
        let children = tenant.kind == .commune ? services.registry.instances(of: tenant.slug) : []
        let page = HomePage(name: tenant.displayName(context.locale), cards: cards, figures: figures,
                            instances: children.map { HomePage.Instance(name: $0.tenant.displayName(context.locale), href: TenantLinks.home($0)) })
        return try context.render(page, title: tenant.displayName(context.locale))
    }

    /// The tenant's colour as CSS custom properties (kept out of the HTML so the CSP can forbid inline styles).
    @Sendable func theme(_ request: Request, context: CivicContext) async throws -> Response {
        let accent = AccentColor.isValid(context.tenant.accentColor) ? context.tenant.accentColor : "#0b5cad"
        return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=0, must-revalidate"],
                        body: .init(byteBuffer: ByteBuffer(string: ":root{--accent:\(accent);}\n")))
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }
}
