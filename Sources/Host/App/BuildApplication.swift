import CivicSDK
import Hummingbird
import Logging

/// Builds the whole server from its configuration and the modules it runs; tests pass their own list.
func buildApplication(config: ServerConfig, modules: [any CivicModule.Type], logger: Logger) throws -> some ApplicationProtocol {
    try buildApplication(services: HostServices(config: config, modules: modules, logger: logger))
}

/// Builds the server around services already made (`serve` provisions tenants with them first);
/// tests drive it with `app.test(.router)`.
func buildApplication(services: HostServices) throws -> some ApplicationProtocol {
    let assets = try StaticAssets()
    let tenantRouter = TenantRouterHandle()
    tenantRouter.set(buildTenantRouter(services: services, assets: assets, handle: tenantRouter))

    let platformRouter = Router(context: PlatformContext.self)
    platformRouter.add(middleware: ErrorPassthrough())
    PlatformRoutes(services: services).register(on: platformRouter)
    assets.register(on: platformRouter)
    platformRouter.get("api/v1/openapi.json") { _, _ in
        var response = try assets.response("openapi.json")
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }

    let responder = HostResponder(services: services, tenantRouter: tenantRouter, platformRouter: platformRouter.buildResponder())
    return Application(
        responder: responder,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(services.config.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(services.config.hostname, port: services.config.port), serverName: "OpenCommune"),
        logger: services.logger)
}

/// Every route of a tenant behind the pipeline's stages, outermost first: the remembered language,
/// the visitor, error pages, the page cache, the API's rules, the form; then the
/// host's routes (home, accounts, console, feedback, dashboard, search) and each module's, behind its gate.
func buildTenantRouter(services: HostServices, assets: StaticAssets, handle: TenantRouterHandle = TenantRouterHandle()) -> Router<CivicContext> {
    let router = Router(context: CivicContext.self)
    let renderer = services.renderer, config = services.config
    router.add(middleware: LocaleCookieStage(secureCookies: config.secureCookies))
    router.add(middleware: IdentityStage(renderer: renderer, secureCookies: config.secureCookies, visitors: services.visitors))
    router.add(middleware: ErrorStage(renderer: renderer, routes: handle))
    router.add(middleware: CacheStage(cache: services.cache, versions: services.versions, flights: services.flights, visitors: services.visitors, metrics: services.metrics,
                                      personalCookies: services.personalCookies))
    router.add(middleware: APIStage(renderer: renderer))
    router.add(middleware: FormStage(renderer: renderer, maxBodyBytes: config.maxBodyBytes, maxUploadBytes: config.maxUploadBytes))

    TenantHomeRoutes(services: services).register(on: router)
    AccountRoutes(services: services).register(on: router)
    PasswordResetRoutes(services: services).register(on: router)
    EmailChangeRoutes(services: services).register(on: router)
    MailLogRoutes(services: services).register(on: router)
    ConsoleHomeRoutes(services: services).register(on: router)
    ModulesConsoleRoutes(services: services).register(on: router)
    UsersConsoleRoutes(services: services).register(on: router)
    SettingsConsoleRoutes(services: services).register(on: router)
    let feedbackPages = FeedbackRoutes(service: services.feedback, notifications: services.notifications, policy: services.policy, mail: services.mail)
    feedbackPages.register(on: router)
    FeedbackStaffRoutes(service: services.feedback, pages: feedbackPages, notifications: services.notifications, mail: services.mail).register(on: router)
    MailPreferenceRoutes(services: services).register(on: router)
    FollowRoutes(services: services).register(on: router)
    PrivacyRoutes(services: services).register(on: router)
    FeedbackStatsRoutes(feedback: services.feedback).register(on: router)
    DashboardRoutes(services: services).register(on: router)
    SearchRoutes(services: services).register(on: router)
    TokenRoutes().register(on: router)
    OpenDataRoutes(services: services, router: handle).register(on: router)
    assets.register(on: router)
    TenantFileRoutes().register(on: router)
    for module in services.modules.modules {
        let gate = { (console: Bool) in
            ModuleGate(moduleID: module.id, declared: module.manifest.settings, registry: services.registry, console: console)
        }
        module.instance.routes(ModuleRouter(
            site: router.group(RouterPath(module.id)).add(middleware: gate(false)),
            console: router.group(RouterPath("admin/\(module.id)")).add(middleware: gate(true)),
            api: router.group(RouterPath("api/v1/\(module.id)")).add(middleware: gate(false))))
    }
    return router
}
