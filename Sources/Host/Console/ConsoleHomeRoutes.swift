import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin`: the console's home, with the links every enabled module declares in its manifest.
struct ConsoleHomeRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("admin", use: overview)
    }

    private func entry(_ context: CivicContext) throws -> TenantEntry {
        guard let entry = services.registry.entry(context.tenant.slug) else { throw HTTPError(.notFound) }
        return entry
    }

    @Sendable func overview(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.console")
        let entry = try entry(context)
        let links = services.modules.manifests.filter { entry.isEnabled($0.id) }.flatMap { type in
            type.consoleLinks.filter { context.can($0.permission) }.map { link in
                ConsoleHomePage.ModuleLink(label: context.localized(link.title), href: ConsoleRoute.module(type.id, path: link.path).href(context),
                                           module: context.localized(type.title))
            }
        }
        let page = ConsoleHomePage(isAdmin: context.can("core.admin"), links: links,
                                   feedbackHref: context.can("core.respond") ? ConsoleRoute.feedbackQueue().href(context) : nil)
        return try context.render(page, title: context.text("console.title"))
    }
}
