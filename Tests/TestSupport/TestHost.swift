import CivicSDK
import Foundation
import Hummingbird
import HummingbirdTesting
import GRDB
import Logging
@testable import OpenCommune

/// A whole platform in a temporary data directory, for HTTP-level tests through `app.test(.router)`.
///
/// Tenants: communes `alpha` (pages enabled) and `beta` (nothing enabled), instance `alpha-youth`
/// under `alpha` (pages enabled). Accounts in `alpha`: admin, editor, moderator, citizen, all with
/// ``password``; in `beta`: admin. Platform admin: `root@platform.test`.
public final class TestHost: Sendable {
    public static let password = "correct horse battery"

    /// Root of this host's data (deleted when the test host is released).
    public let dataDirectory: String
    let services: HostServices

    /// `modules`: the modules this host runs (every installed one unless a test brings its own).
    public init(modules: [any CivicModule.Type] = InstalledModules.all, maxBodyBytes: Int = 1_048_576, maxUploadBytes: Int = 10_485_760, loginAttempts: Int = 5,
                citizenPostsPerHour: Int = 10, apiRequestsPerMinute: Int = 600, idleTimeoutSeconds: Int = 30, hosts: [String: [String]] = [:],
                publicURL: String? = nil, trustedProxies: [String] = [], metricsToken: String? = nil, hstsMaxAge: Int? = nil,
                registrationsPerHour: Int = 5, commentEditsPerHour: Int = 20, mail: MailSettings = MailSettings(),
                clusterToken: String? = nil) async throws {
        dataDirectory = NSTemporaryDirectory() + "opencommune-test-" + UUID().uuidString
        var config = ServerConfig()
        config.dataDirectory = dataDirectory
        config.provisioningDirectory = nil
        config.bcryptCost = 4
        config.maxBodyBytes = maxBodyBytes
        config.maxUploadBytes = maxUploadBytes
        config.loginAttempts = loginAttempts
        config.citizenPostsPerHour = citizenPostsPerHour
        config.apiRequestsPerMinute = apiRequestsPerMinute
        config.idleTimeoutSeconds = idleTimeoutSeconds
        config.publicURL = publicURL
        config.trustedProxies = AddressList(trustedProxies)
        config.metricsToken = metricsToken
        config.hstsMaxAge = hstsMaxAge
        config.registrationsPerHour = registrationsPerHour
        config.commentEditsPerHour = commentEditsPerHour
        config.mail = mail
        // a cluster host whose Litestream is missing: `/_cluster/` answers, replication fails
        let replica = "file://\(dataDirectory)-replica"
        config.cluster = clusterToken.map { ClusterSettings(host: "a", token: $0, replica: replica,
                                                             litestream: "/nonexistent/litestream", litestreamSocket: "/nonexistent/litestream.sock") }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        services = try HostServices(config: config, modules: modules, logger: logger)
        let tenants = services.tenants
        try tenants.create(.init(slug: "alpha", name: ["fr": "Commune Alpha", "ar": "جماعة ألفا", "en": "Alpha Municipality"],
                                 hosts: hosts["alpha"] ?? []))
        try tenants.create(.init(slug: "beta", name: ["fr": "Commune Bêta", "en": "Beta Municipality"], hosts: hosts["beta"] ?? [],
                                 locales: ["fr", "en"]))
        try tenants.create(.init(slug: "alpha-youth", name: ["fr": "Instance jeunesse", "ar": "هيئة الشباب", "en": "Youth instance"],
                                 kind: .instance, parent: "alpha"))
        try tenants.enable("alpha", module: "pages")
        try tenants.enable("alpha-youth", module: "pages")
        for role in [Role.admin, .editor, .moderator, .citizen] {
            try await createAccount(tenant: "alpha", email: "\(role.rawValue)@alpha.test", grants: [RoleGrant(role)])
        }
        try await createAccount(tenant: "beta", email: "admin@beta.test", grants: [RoleGrant(.admin)])
        try await createAccount(tenant: "alpha-youth", email: "editor@youth.test", grants: [RoleGrant(.editor)])
        let hash = try await services.hasher.hash(Self.password)
        _ = try await services.platform.pool.write { db in try PlatformAdmins.create(db, email: "root@platform.test", passwordHash: hash) }
    }

    deinit {
        // the host's services hold one another (modules reach the host, the host its modules), so
        // they outlive it: their databases are closed here, or every test would leave files open
        services.pools.closeAll()
        try? services.platform.pool.close()
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// The environment this host gives its modules, to create one outside the host (logic tests).
    public func moduleEnvironment(_ label: String) -> ModuleEnvironment {
        ModuleEnvironment(logger: Logger(label: label), citizenInput: RateLimiter(limit: 10, window: 3_600),
                          signer: Signer(secret: RandomToken.bytes(32)), secureCookies: false, services: services.moduleServices)
    }

    /// Adds an account with `grants` to a tenant, with ``password``.
    public func createAccount(tenant: String, email: String, grants: Set<RoleGrant>) async throws {
        let hash = try await services.hasher.hash(Self.password)
        _ = try await services.database(tenant).write(.nothingPublic) { db in
            try AccountStore.create(db, email: email, displayName: email.components(separatedBy: "@")[0].capitalized, passwordHash: hash, grants: grants)
        }
    }

    /// Adds a consultative instance under `parent` (French name only), with `modules` enabled.
    public func createInstance(_ slug: String, name: String, parent: String, modules: [String] = []) throws {
        try services.tenants.create(.init(slug: slug, name: ["fr": name], kind: .instance, parent: parent))
        for module in modules { try services.tenants.enable(slug, module: module) }
    }

    /// Enables a module on a tenant (running its migrations), with its sample content if asked.
    public func enable(_ module: String, on tenant: String, withSample: Bool = false) async throws {
        try services.tenants.enable(tenant, module: module)
        guard withSample, let instance = services.modules.instance(module), let entry = services.registry.entry(tenant) else { return }
        let files = services.files(tenant)
        try await services.database(tenant).write { db in try instance.installSampleContent(db, entry.tenant, files: files) }
    }

    /// Writes to a tenant's database directly (to set up data), invalidating its cached pages.
    public func write(_ tenant: String, _ block: @escaping @Sendable (GRDB.Database) throws -> Void) async throws {
        try await services.database(tenant).write(block)
    }

    /// Runs `body` against the application through the router test framework.
    public func test<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = try buildApplication(services: services)
        return try await app.test(.router) { client in try await body(client) }
    }

    /// Runs `body` against the application served on a real loopback port (for raw-socket tests).
    public func testLive<Value: Sendable>(_ body: @escaping @Sendable (Int) async throws -> Value) async throws -> Value {
        let app = try buildApplication(services: services)
        return try await app.test(.live) { client in try await body(client.port ?? 0) }
    }

    /// Runs `sql` on the writer connection of a tenant's database, outside any transaction: a fault
    /// injected for that tenant only (`PRAGMA query_only = ON` makes its storage read-only,
    /// `PRAGMA max_page_count = N` makes it full at N pages).
    public func injectStorageFault(_ tenant: String, _ sql: String) async throws {
        try await services.pools.pool(tenant).writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Reads a tenant's database directly (to check what was stored).
    public func read<T: Sendable>(_ tenant: String, _ block: @escaping @Sendable (GRDB.Database) throws -> T) async throws -> T {
        try await services.database(tenant).read(block)
    }

    /// Every route a tenant serves, as `"GET /api/v1/plans"` (parameters as `{name}`).
    public func tenantRoutes() throws -> [String] {
        try buildTenantRouter(services: services, assets: StaticAssets()).routes.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method) /\(path)"
        }
    }

    /// A route pattern made requestable: `{module}` becomes `pages`, every other parameter `1`.
    public static func concrete(_ path: String) -> String {
        "/" + path.split(separator: "/").map { part in
            guard part.hasPrefix("{") else { return String(part) }
            return part == "{module}" ? "pages" : "1"
        }.joined(separator: "/")
    }

    /// Every API route a tenant serves, as `"GET /api/v1/plans"`.
    public func apiRoutes() throws -> [String] {
        try tenantRoutes().filter { $0.split(separator: " ")[1].hasPrefix("/api/") }
    }

    /// Reads the tenant registry again now (after a CLI command changed it), instead of within a second.
    /// The tenant as the registry holds it now.
    public func tenant(_ slug: String) -> Tenant? { services.registry.entry(slug)?.tenant }

    public func reloadRegistry() throws { try services.registry.reload() }

    /// Pages of `tenant` in the cache that still show its content as it is.
    public func cachedPages(_ tenant: String) -> Int { services.cache.currentCount(tenant) }

    /// Turns `tenant` read-only as a move does (the fence row written last); returns the fence.
    @discardableResult
    public func freeze(_ tenant: String) throws -> String {
        let fence = UUID().uuidString
        try services.pools.freeze(tenant, fence: fence)
        return fence
    }

    /// Ends a freeze.
    public func thaw(_ tenant: String) { services.pools.thaw(tenant) }

    /// Runs a CLI command against this host's data directory; returns its exit code.
    public func cli(_ arguments: [String]) async -> Int32 {
        await OpenCommuneCommand.run(arguments + ["--data-dir", dataDirectory])
    }
}
