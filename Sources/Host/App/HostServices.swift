import CivicSDK
import Foundation
import Logging

/// Everything the host's routes share, built once by `buildApplication` (and by tests).
final class HostServices: Sendable {
    let config: ServerConfig
    /// The configured addresses of the platform and its tenants.
    let publicAddress: PublicAddress
    let logger: Logger
    let platform: PlatformDatabase
    let registry: TenantRegistry
    let pools: TenantPools
    let versions: ContentVersions
    /// The configured HSTS header value, worked out once.
    let strictTransportSecurity: String?
    let cache: PageCache
    /// Signed-in visitors' sessions and follows, kept in memory between their requests.
    let visitors: SignedInVisitors
    /// Page renderings under way, shared by the visitors who ask for them at once.
    let flights = RenderFlights()
    let renderer: Renderer
    let modules: ModuleCatalog
    let tenants: TenantService
    let hasher: PasswordHasher
    let signIn: SignInGuard
    let metrics: HostMetrics
    let policy: PermissionPolicy
    /// What every tenant request is handed: renderer, permissions, upload limit.
    let facilities: HostFacilities
    /// Comments and suggestions of every tenant (each in its own database).
    let feedback: FeedbackService
    /// Each tenant's live figures.
    let figures: HostFigures
    /// Links between modules.
    let links: HostLinks
    /// What every module is given: figures, links, comments, digests.
    let moduleServices: ModuleServices
    /// The tenant-wide search indexes (each in its tenant's database).
    let search = SearchIndex()
    /// API requests per address and tenant.
    let apiLimiter: RateLimiter
    /// Registrations per address and tenant.
    let registrations: RateLimiter
    /// Cookies that keep a visitor's pages out of the shared cache.
    let personalCookies: PersonalCookies
    /// Sends what the tenants' outboxes hold.
    let mail: MailDelivery
    /// Password reset requests per address and per account.
    let passwordResets: RateLimiter
    /// Signs tokens handed out (unsubscribe links, respondent cookies) with the platform's secret.
    let signer: Signer
    /// Mail to the authors of comments and suggestions.
    let notifications: FeedbackNotifications
    /// The one-click unsubscribe links of notifications and digests.
    let unsubscribe: UnsubscribeLinks
    /// Each tenant's sender.
    let senders: MailSenders
    private let databases: TenantDatabases
    private let directory: ModuleDirectory

    init(config: ServerConfig, modules: [any CivicModule.Type], logger: Logger) throws {
        self.config = config
        strictTransportSecurity = config.strictTransportSecurity
        publicAddress = PublicAddress(config: config)
        self.logger = logger
        let versions = ContentVersions()
        self.versions = versions
        platform = try PlatformDatabase(dataDirectory: config.dataDirectory, replicated: config.cluster != nil)
        let registry = try TenantRegistry(database: platform, changed: { versions.bump($0) })
        self.registry = registry
        let visitors = SignedInVisitors()
        self.visitors = visitors
        let pools = TenantPools(dataDirectory: config.dataDirectory, capacity: config.openTenantDatabases, replicated: config.cluster != nil) { slug, tables, isPublic in
            if isPublic { versions.changed(slug, tables: tables, parent: registry.entry(slug)?.tenant.parentSlug) }
            visitors.changed(slug, tables: tables)
        }
        self.pools = pools
        registry.refusal.fill { slug in pools.isFrozen(slug) ? StorageUnavailable(TenantMoving(slug: slug)) : nil }
        let databases = TenantDatabases(pools: pools)
        self.databases = databases
        passwordResets = RateLimiter(limit: 5, window: 3_600)
        cache = PageCache(entriesPerTenant: config.cachedPagesPerTenant, maxBytes: config.pageCacheMegabytes * 1_048_576, versions: versions)
        let citizenInput = RateLimiter(limit: config.citizenPostsPerHour, window: 3_600)
        apiLimiter = RateLimiter(limit: config.apiRequestsPerMinute, window: 60)
        registrations = RateLimiter(limit: config.registrationsPerHour, window: 3_600)

        // the services modules are given exist first; they reach the modules through the directory
        directory = ModuleDirectory(registry: registry)
        feedback = FeedbackService(registry: registry, modules: directory, limiter: citizenInput,
                                   edits: RateLimiter(limit: config.commentEditsPerHour, window: 3_600))
        figures = HostFigures(directory: directory, versions: versions)
        links = HostLinks(directory: directory)
        let monitoring = HostMonitoring(directory: directory, registry: registry, figures: figures, database: databases.open)
        moduleServices = ModuleServices(figures: figures, links: links, feedback: feedback,
                                        digests: HostDigests(directory: directory, registry: registry, database: databases.open),
                                        follows: HostFollows(),
                                        monitoring: monitoring)
        let signer = Signer(secret: try platform.secret())
        self.signer = signer
        let catalog = try ModuleCatalog(modules, logger: logger, citizenInput: citizenInput, signer: signer,
                                        secureCookies: config.secureCookies, services: moduleServices)
        directory.fill(catalog)
        self.modules = catalog
        personalCookies = PersonalCookies(catalog.manifests.flatMap(\.personalCookies))
        renderer = try Renderer(registry: registry, modules: catalog)
        monitoring.renderer.fill(renderer)
        let unsubscribe = UnsubscribeLinks(signer: signer)
        self.unsubscribe = unsubscribe
        let senders = MailSenders(platform: config.mail, registry: registry)
        self.senders = senders
        notifications = FeedbackNotifications(renderer: renderer, senders: senders, links: unsubscribe)
        feedback.notifications.fill(notifications)
        let directory = self.directory
        let fanout = FollowFanout(renderer: renderer, senders: senders, links: unsubscribe,
                                  dated: DatedNews(renderer: renderer, modules: { directory.enabled($0) }))
        let publicAddress = self.publicAddress
        let mail = MailDelivery(transport: MailDelivery.transport(config.mail, dataDirectory: config.dataDirectory), logger: logger,
                                open: { try databases.open($0) },
                                // a tenant moving to another host sends nothing more from here: its outbox goes with it
                                tenants: { registry.all().map(\.tenant.slug).filter { !pools.isFrozen($0) } },
                                prepare: { slug, database, now in
                                    guard let entry = registry.entry(slug) else { return false }
                                    return try await fanout.prepare(database, tenant: entry.tenant, base: publicAddress.base(of: entry), now: now)
                                }, hasWork: FollowFanout.hasWork)
        self.mail = mail
        tenants = TenantService(registry: registry, pools: pools, modules: catalog)
        hasher = PasswordHasher(cost: config.bcryptCost)
        signIn = SignInGuard(attempts: config.loginAttempts, windowSeconds: Double(config.loginWindowSeconds), hasher: hasher)
        metrics = HostMetrics()
        policy = catalog.policy
        facilities = HostFacilities(renderer: renderer, policy: policy, maxUploadSize: config.maxUploadBytes,
                                    memo: ContentMemos(versions: versions), announced: { mail.wake($0) })
    }

    /// The tenant's database was replaced whole (restored, rewound, handed over): nothing kept in
    /// memory from it holds, its pages, figures, sessions and follows included.
    func replaced(_ slug: String) {
        versions.bump(slug)
        visitors.changed(slug, tables: SignedInVisitors.sessionTables.union(SignedInVisitors.followTables))
    }

    /// The modules enabled for a tenant, in registration order.
    func enabledModules(_ slug: String) -> [any CivicModule] { directory.enabled(slug) }

    /// The tenant's files folder.
    func files(_ slug: String) -> TenantFiles { databases.files(slug) }

    /// The tenant database wrapper whose writes of public content invalidate `slug`'s cached pages,
    /// and its parent commune's (which show its digests).
    func database(_ slug: String) throws -> TenantDatabase { try databases.open(slug) }
}
