import CivicSDK
import Foundation
import GRDB
import Synchronization

/// The in-memory view of the tenant registry, reloaded after every change to `platform.sqlite`.
///
/// Request handling reads it without touching the database.
final class TenantRegistry: Sendable {
    private struct Snapshot {
        var bySlug: [String: TenantEntry] = [:]
        var byHost: [String: String] = [:]
        /// Tenants other hosts of the cluster serve.
        var remote: [RemoteTenant] = []
        var revision: Int64 = -1
        var checkedAt = ContinuousClock.now
    }

    let database: PlatformDatabase
    private let snapshot = Mutex(Snapshot())
    /// Called with a tenant's slug after its registry entry changed (its cached pages are stale).
    private let changed: @Sendable (String) -> Void
    /// Why a tenant's entry takes no change now, if it does not: it is moving to another host, which
    /// takes its entry from this host's replica as it was when the move began (set by the host).
    let refusal = Late<@Sendable (String) -> (any Error)?>()

    init(database: PlatformDatabase, changed: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.database = database
        self.changed = changed
        try reload()
    }

    /// Re-reads every tenant from `platform.sqlite`.
    func reload() throws {
        let fresh = try database.pool.read { db -> Snapshot in
            var result = Snapshot()
            result.revision = try Int64.fetchOne(db, sql: "SELECT value FROM registry_revision") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT * FROM tenant") {
                let slug: String = row["slug"]
                let locales = (try? JSONDecoder().decode([String].self, from: Data((row["locales"] as String).utf8))) ?? ["fr"]
                let tenant = Tenant(slug: slug, kind: Tenant.Kind(rawValue: row["kind"]) ?? .commune, parentSlug: row["parent_slug"],
                                    name: LocalizedText(json: row["name"]), locales: locales,
                                    accentColor: row["accent_color"], logoURL: row["logo_url"], formats: TenantFormats(json: row["formats"]))
                result.bySlug[slug] = TenantEntry(tenant: tenant, hosts: [], modules: [:], footer: TenantFooter(json: row["footer"]),
                                                   mailFrom: row["mail_from"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT host, slug FROM tenant_host ORDER BY host") {
                let host: String = row["host"], slug: String = row["slug"]
                result.byHost[host] = slug
                result.bySlug[slug]?.hosts.append(host)
            }
            result.remote = try String.fetchAll(db, sql: "SELECT entry FROM cluster_directory ORDER BY slug").compactMap {
                try? JSONDecoder().decode(RemoteTenant.self, from: Data($0.utf8))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM tenant_module") {
                let settings = (try? JSONDecoder().decode([String: String].self, from: Data((row["settings"] as String).utf8))) ?? [:]
                result.bySlug[row["slug"] as String]?.modules[row["module"]] =
                    ModuleState(allowed: row["allowed"], enabled: row["enabled"], settings: settings)
            }
            return result
        }
        snapshot.withLock { $0 = fresh }
    }

    /// Reloads when another process (the CLI, say) changed the registry; checks at most once a second.
    func reloadIfChangedElsewhere() {
        let due = snapshot.withLock { state -> Int64? in
            guard ContinuousClock.now - state.checkedAt > .seconds(1) else { return nil }
            state.checkedAt = ContinuousClock.now
            return state.revision
        }
        guard let known = due, let current = try? database.pool.read({ db in try Int64.fetchOne(db, sql: "SELECT value FROM registry_revision") }),
              current != known, (try? reload()) != nil else { return }
        for entry in all() { changed(entry.tenant.slug) }
    }

    /// The tenant served on `host` (port ignored, case-insensitive), if one claims it.
    func entry(forHost host: String) -> TenantEntry? {
        let name = PublicAddress.hostName(host)
        return snapshot.withLock { state in state.byHost[name].flatMap { state.bySlug[$0] } }
    }

    func entry(_ slug: String) -> TenantEntry? { snapshot.withLock { $0.bySlug[slug] } }

    /// Every tenant, communes first, then by slug.
    func all() -> [TenantEntry] {
        snapshot.withLock { Array($0.bySlug.values) }.sorted {
            ($0.tenant.kind == .commune ? 0 : 1, $0.tenant.slug) < ($1.tenant.kind == .commune ? 0 : 1, $1.tenant.slug)
        }
    }

    /// Tenants other hosts of the cluster serve (none this host serves itself), communes first, then by slug.
    func remote() -> [RemoteTenant] {
        snapshot.withLock { state in state.remote.filter { state.bySlug[$0.slug] == nil } }
            .sorted { ($0.kind == .commune ? 0 : 1, $0.slug) < ($1.kind == .commune ? 0 : 1, $1.slug) }
    }

    /// Instances whose parent is `slug`.
    func instances(of slug: String) -> [TenantEntry] {
        all().filter { $0.tenant.parentSlug == slug }
    }

    /// Runs `change` in a write transaction of `platform.sqlite`, then reloads and invalidates `slug`'s pages.
    func write<T>(_ slug: String, alsoChanging others: [String] = [], _ change: (Database) throws -> T) throws -> T {
        for tenant in [slug] + others { if let refused = refusal.current?(tenant) { throw refused } }
        let result = try database.pool.write { db in
            let result = try change(db)
            try db.execute(sql: "UPDATE registry_revision SET value = value + 1")
            return result
        }
        try reload()
        changed(slug)
        others.forEach(changed)
        // an instance is listed on its parent's portal: its parent's pages change too
        if let parent = entry(slug)?.tenant.parentSlug { changed(parent) }
        return result
    }
}
