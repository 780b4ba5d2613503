import CivicSDK
import Hummingbird
import Logging

/// Builds the whole server from its configuration; `serve` runs it and tests drive it with `app.test(.router)`.
func buildApplication(services: HostServices) throws -> some ApplicationProtocol {
    let assets = try StaticAssets()

    let tenantRouter = buildTenantRouter(services: services, assets: assets)

    let platformRouter = Router(context: PlatformContext.self)
    platformRouter.add(middleware: ErrorPassthrough())
    PlatformRoutes(services: services).register(on: platformRouter)
    assets.register(on: platformRouter)
    platformRouter.get("api/v1/openapi.json") { _, _ in
        var response = try assets.response("openapi.json")
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }

    let responder = HostResponder(services: services, tenantRouter: tenantRouter.buildResponder(), tenantMethods: RouteMethods(tenantRouter),
                                  platformRouter: platformRouter.buildResponder())
    return Application(
        responder: responder,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(services.config.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(services.config.hostname, port: services.config.port), serverName: "OpenCommune"),
        logger: services.logger)
}

/// Every route of a tenant: the host's (home, accounts, console, feedback, dashboard, search) and each module's.
func buildTenantRouter(services: HostServices, assets: StaticAssets) -> Router<CivicContext> {
    let tenantRouter = Router(context: CivicContext.self)
    tenantRouter.add(middleware: ErrorPassthrough())
    TenantHomeRoutes(services: services).register(on: tenantRouter)
    AccountRoutes(services: services).register(on: tenantRouter)
    TenantConsoleRoutes(services: services).register(on: tenantRouter)
    let feedbackPages = FeedbackRoutes(service: services.feedback)
    feedbackPages.register(on: tenantRouter)
    FeedbackStaffRoutes(service: services.feedback, pages: feedbackPages).register(on: tenantRouter)
    FeedbackStatsRoutes().register(on: tenantRouter)
    DashboardRoutes(services: services).register(on: tenantRouter)
    SearchRoutes(services: services).register(on: tenantRouter)
    TokenRoutes().register(on: tenantRouter)
    let openDataRouter = OpenDataRoutes.RouterBox()
    OpenDataRoutes(services: services, box: openDataRouter).register(on: tenantRouter)
    assets.register(on: tenantRouter)
    TenantFileRoutes().register(on: tenantRouter)
    for module in services.modules.modules {
        let gate = { (console: Bool) in
            ModuleGate(moduleID: module.id, declared: module.type.settings, registry: services.registry, console: console)
        }
        module.instance.routes(ModuleRouter(
            site: tenantRouter.group(RouterPath(module.id)).add(middleware: gate(false)),
            console: tenantRouter.group(RouterPath("admin/\(module.id)")).add(middleware: gate(true)),
            api: tenantRouter.group(RouterPath("api/v1/\(module.id)")).add(middleware: gate(false))))
    }
    openDataRouter.responder.withLock { $0 = tenantRouter.buildResponder() }
    return tenantRouter
}
