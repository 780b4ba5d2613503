import CivicSDK
import Foundation
import Logging

/// Everything the host's routes share, built once by `buildApplication` (and by tests).
struct HostServices: Sendable {
    let config: ServerConfig
    let logger: Logger
    let platform: PlatformDatabase
    let registry: TenantRegistry
    let pools: TenantPools
    let versions: ContentVersions
    let cache: PageCache
    let renderer: Renderer
    let modules: ModuleCatalog
    let tenants: TenantService
    let hasher: PasswordHasher
    let signIn: SignInGuard
    let metrics: HostMetrics
    let policy: PermissionPolicy
    /// Comments and suggestions of every tenant (each in its own database).
    let feedback: FeedbackService
    /// The tenant-wide search indexes (each in its tenant's database).
    let search = SearchIndex()
    /// API requests per address and tenant.
    let apiLimiter: RateLimiter
    /// Each tenant's live figures, by content version and day.
    let figureMemo = FigureHistory.Memo()
    /// When each tenant's figures were last recorded after a change.
    let figuresRecorded = FigureHistory.Throttle(seconds: 5)

    init(config: ServerConfig, logger: Logger) throws {
        self.config = config
        self.logger = logger
        let versions = ContentVersions()
        self.versions = versions
        platform = try PlatformDatabase(dataDirectory: config.dataDirectory)
        registry = try TenantRegistry(database: platform, changed: { versions.bump($0) })
        pools = TenantPools(dataDirectory: config.dataDirectory, capacity: config.openTenantDatabases)
        cache = PageCache(entriesPerTenant: config.cachedPagesPerTenant, maxBytes: config.pageCacheMegabytes * 1_048_576)
        renderer = try Renderer(registry: registry)
        let citizenInput = RateLimiter(limit: config.citizenPostsPerHour, window: 3_600)
        apiLimiter = RateLimiter(limit: config.apiRequestsPerMinute, window: 60)
        modules = try ModuleCatalog(logger: logger, citizenInput: citizenInput, signer: Signer(secret: try platform.secret()),
                                    secureCookies: config.secureCookies)
        tenants = TenantService(registry: registry, pools: pools)
        hasher = PasswordHasher(cost: config.bcryptCost)
        signIn = SignInGuard(throttle: RateLimiter(limit: config.loginAttempts, window: Double(config.loginWindowSeconds)), hasher: hasher)
        metrics = HostMetrics()
        policy = ModuleCatalog.policy
        feedback = FeedbackService(registry: registry, modules: modules, limiter: citizenInput)
    }

    /// The modules enabled for a tenant, in registration order.
    func enabledModules(_ slug: String) -> [any CivicModule] {
        guard let entry = registry.entry(slug) else { return [] }
        return modules.modules.filter { entry.isEnabled($0.id) }.map(\.instance)
    }

    /// The indicators of every module enabled for `tenant`, and the host's figures on citizen input,
    /// read in one transaction, by id.
    /// Figures only move when content changes (or, for late activities and deadlines, when the day
    /// changes): they are computed once per content version and day, then reused.
    func liveFigures(_ tenant: Tenant, database: TenantDatabase) async throws -> [String: Indicator] {
        let key = "\(versions.current(tenant.slug))|\(ISODate.today())"
        if let known = figureMemo.value(tenant.slug, key: key) { return known }
        let enabled = enabledModules(tenant.slug)
        let figures = try await database.read { db in
            try FeedbackStats.load(db).indicators + enabled.flatMap { try $0.indicators(db, tenant) }
        }
        let byID = Dictionary(figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        figureMemo.store(tenant.slug, key: key, value: byID)
        return byID
    }

    /// After a change: records the figures unless they were recorded for this tenant in the last few
    /// seconds (a burst of comments costs one recording, not one per comment; the dashboard records
    /// on every view anyway).
    func recordFiguresAfterChange(_ tenant: Tenant, database: TenantDatabase, now: Date = Date()) async throws {
        if figuresRecorded.isDue(tenant.slug, now: now) { try await recordFigures(tenant, database: database) }
    }

    /// Writes the current month's value of every live figure of `tenant` that changed (see ``FigureHistory``).
    /// The write does not drop cached pages: it records what they already show.
    func recordFigures(_ tenant: Tenant, database: TenantDatabase) async throws {
        let figures = Array(try await liveFigures(tenant, database: database).values)
        try await database.pool.write { db in try FigureHistory.record(db, figures: figures) }
    }

    /// The link targets of every module enabled for `tenant`.
    func linkTargets(_ tenant: Tenant, database: TenantDatabase) async throws -> [LinkTarget] {
        let enabled = enabledModules(tenant.slug)
        return try await database.read { db in try enabled.flatMap { try $0.linkTargets(db, tenant) } }
    }

    /// The public digests of `module` in each instance of `tenant` where it is enabled. An instance
    /// whose database cannot be opened is left out (its own pages say why) rather than failing the parent's page.
    func childDigests(_ tenant: Tenant, module: String) async throws -> [TenantDigest] {
        guard let instance = modules.instance(module) else { return [] }
        var digests: [TenantDigest] = []
        for entry in registry.instances(of: tenant.slug) where entry.isEnabled(module) {
            guard let database = try? database(entry.tenant.slug) else { continue }
            let child = entry.tenant
            if let values = try await database.read({ db in try instance.publicDigest(db, child) }) {
                digests.append(TenantDigest(tenant: child, home: TenantLinks.home(entry), values: values))
            }
        }
        return digests
    }

    /// The tenant's files folder.
    func files(_ slug: String) -> TenantFiles {
        TenantFiles(directory: URL(fileURLWithPath: pools.directory(slug)).appendingPathComponent("files"))
    }

    /// The tenant database wrapper whose writes invalidate `slug`'s cached pages, and its parent
    /// commune's (which show its digests).
    func database(_ slug: String) throws -> TenantDatabase {
        let versions = self.versions
        let parent = registry.entry(slug)?.tenant.parentSlug
        return TenantDatabase(pool: try pools.pool(slug), contentChanged: {
            versions.bump(slug)
            if let parent { versions.bump(parent) }
        })
    }
}
