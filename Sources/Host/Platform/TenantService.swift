import CivicSDK
import Foundation
import GRDB

/// Operations on tenants shared by the CLI, the consoles and boot provisioning, so each rule lives once.
struct TenantService: Sendable {
    let registry: TenantRegistry
    let pools: TenantPools
    let modules: ModuleCatalog

    /// Path segments that can never be tenant slugs: they are platform routes.
    static let reservedSlugs: Set<String> = ["admin", "api", "static", "healthz", "readyz", "metrics", "login", "logout", "setup"]

    struct NewTenant: Sendable {
        var slug: String
        var name: LocalizedText
        var kind: Tenant.Kind = .commune
        var parent: String?
        var hosts: [String] = []
        var locales: [String] = ["fr", "ar", "en"]
        var accentColor = "#0b5cad"
        /// The conventions; an instance always takes its commune's.
        var formats = TenantFormats.moroccan
    }

    /// Checks a proposed tenant; the messages name the faulty value.
    func validate(_ new: NewTenant) throws {
        let slug = new.slug
        guard slug.range(of: "^[a-z0-9][a-z0-9-]{0,62}$", options: .regularExpression) != nil else {
            throw PlatformError("slug_format", slug)
        }
        guard !Self.reservedSlugs.contains(slug) else { throw PlatformError("slug_reserved", slug) }
        guard registry.entry(slug) == nil else { throw PlatformError("slug_taken", slug) }
        guard !new.name.isEmpty else { throw PlatformError("name_missing") }
        guard !new.locales.isEmpty else { throw PlatformError("locales_missing") }
        for locale in new.locales where !Locales.isSupported(locale) {
            throw PlatformError("locale_unsupported", locale, Locales.supported.joined(separator: ", "))
        }
        guard Set(new.locales).count == new.locales.count else { throw PlatformError("locale_twice") }
        switch new.kind {
        case .commune:
            guard new.parent == nil else { throw PlatformError("commune_with_parent") }
        case .instance:
            guard let parent = new.parent else { throw PlatformError("instance_without_parent") }
            guard let entry = registry.entry(parent) else { throw PlatformError("parent_missing", parent) }
            guard entry.tenant.kind == .commune else { throw PlatformError("parent_not_commune", parent) }
        }
        for host in new.hosts {
            guard host.range(of: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$", options: .regularExpression) != nil,
                  host.count <= 253 else { throw PlatformError("host_invalid", host) }
            if let owner = registry.entry(forHost: host) { throw PlatformError("host_taken", host, owner.tenant.slug) }
        }
        guard AccentColor.isValid(new.accentColor) else { throw PlatformError("colour_format", new.accentColor) }
        guard TenantFormats.isKnownZone(new.formats.timeZone) else { throw PlatformError("time_zone_unknown", new.formats.timeZone) }
    }

    /// Creates the tenant's database, then its registry entry, with every module allowed and none enabled.
    /// On failure nothing is left behind.
    func create(_ new: NewTenant) throws {
        try validate(new)
        var new = new
        if new.kind == .instance, let parent = new.parent.flatMap({ registry.entry($0) }) { new.formats = parent.tenant.formats }
        let folder = pools.directory(new.slug)
        let folderExisted = FileManager.default.fileExists(atPath: folder)
        do {
            _ = try pools.pool(new.slug, creating: true)
            try registry.write(new.slug) { db in
                let locales = String(decoding: try JSONEncoder().encode(new.locales), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO tenant (slug, kind, parent_slug, name, locales, accent_color, formats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [new.slug, new.kind.rawValue, new.parent, new.name.json, locales, new.accentColor, new.formats.json, Date()])
                for host in new.hosts {
                    try db.execute(sql: "INSERT INTO tenant_host (host, slug) VALUES (?, ?)", arguments: [host, new.slug])
                }
                for module in modules.ids {
                    try db.execute(sql: "INSERT INTO tenant_module (slug, module, allowed, enabled) VALUES (?, ?, 1, 0)", arguments: [new.slug, module])
                }
            }
        } catch {
            pools.release(new.slug)
            if !folderExisted { try? FileManager.default.removeItem(atPath: folder) }
            throw error
        }
    }

    func entry(_ slug: String) throws -> TenantEntry {
        guard let entry = registry.entry(slug) else { throw PlatformError("tenant_unknown", slug) }
        return entry
    }

    /// Lets (or stops letting) a tenant use a module; forbidding also disables it.
    func setAllowed(_ slug: String, module: String, allowed: Bool) throws {
        _ = try entry(slug)
        guard modules.manifest(module) != nil else { throw PlatformError("module_unknown", module) }
        try registry.write(slug) { db in
            try db.execute(sql: """
                INSERT INTO tenant_module (slug, module, allowed, enabled) VALUES (?, ?, ?, 0)
                ON CONFLICT (slug, module) DO UPDATE SET allowed = excluded.allowed, enabled = enabled AND excluded.allowed
                """, arguments: [slug, module, allowed])
        }
    }

    /// Runs the module's pending migrations on the tenant's database, then turns it on.
    func enable(_ slug: String, module: String) throws {
        let entry = try entry(slug)
        guard let manifest = modules.manifest(module) else { throw PlatformError("module_unknown", module) }
        guard entry.modules[module]?.allowed == true else {
            throw PlatformError("module_not_allowed", module, slug)
        }
        try migrate(slug, manifest: manifest)
        try registry.write(slug) { db in
            try db.execute(sql: "UPDATE tenant_module SET enabled = 1 WHERE slug = ? AND module = ?", arguments: [slug, module])
        }
    }

    /// Hides the module; its tables and data stay in the tenant's database.
    func disable(_ slug: String, module: String) throws {
        _ = try entry(slug)
        guard modules.manifest(module) != nil else { throw PlatformError("module_unknown", module) }
        try registry.write(slug) { db in
            try db.execute(sql: "UPDATE tenant_module SET enabled = 0 WHERE slug = ? AND module = ?", arguments: [slug, module])
        }
    }

    /// Applies a module's migrations that have not run yet on this tenant.
    func migrate(_ slug: String, manifest: ModuleManifest) throws {
        var migrations = ModuleMigrations(moduleID: manifest.id)
        manifest.migrations(&migrations)
        var migrator = DatabaseMigrator()
        for migration in migrations.list { migrator.registerMigration(migration.id, migrate: migration.body) }
        try migrator.migrate(try pools.pool(slug))
    }

    /// Core schema and the migrations of every enabled module, for one tenant.
    func migrateAll(_ slug: String) throws {
        let entry = try entry(slug)
        _ = try pools.pool(slug)
        for manifest in modules.manifests where entry.isEnabled(manifest.id) { try migrate(slug, manifest: manifest) }
    }

    /// Stores a module's settings after checking them against its declaration.
    func setModuleSettings(_ slug: String, module: String, submitted: [String: String]) throws {
        guard let manifest = modules.manifest(module) else { throw PlatformError("module_unknown", module) }
        var values: [String: String] = [:]
        for setting in manifest.settings {
            guard let value = setting.normalize(submitted[setting.key]) else {
                throw PlatformError("setting_invalid", setting.key)
            }
            values[setting.key] = value
        }
        let json = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        try registry.write(slug) { db in
            try db.execute(sql: "UPDATE tenant_module SET settings = ? WHERE slug = ? AND module = ?", arguments: [json, slug, module])
        }
    }

    /// Updates the name, locales, colour and logo of a tenant.
    func updateSettings(_ slug: String, name: LocalizedText, locales: [String], accentColor: String, logoURL: String?) throws {
        _ = try entry(slug)
        guard !name.isEmpty else { throw PlatformError("name_missing") }
        guard !locales.isEmpty, locales.allSatisfy(Locales.isSupported) else { throw PlatformError("locales_missing") }
        guard AccentColor.isValid(accentColor) else { throw PlatformError("colour_format", accentColor) }
        let localesJSON = String(decoding: try JSONEncoder().encode(locales), as: UTF8.self)
        try registry.write(slug) { db in
            try db.execute(sql: "UPDATE tenant SET name = ?, locales = ?, accent_color = ?, logo_url = ? WHERE slug = ?",
                           arguments: [name.json, localesJSON, accentColor, logoURL, slug])
        }
    }

    /// Changes a commune's time zone, Arabic month names and digits, and its instances' with it (an
    /// instance's meetings are in its commune's time).
    /// Sets the address the tenant's mail is sent from (`nil`: the platform's).
    func updateMailFrom(_ slug: String, _ address: String?) throws {
        _ = try entry(slug)
        try registry.write(slug) { db in try db.execute(sql: "UPDATE tenant SET mail_from = ? WHERE slug = ?", arguments: [address, slug]) }
    }

    func updateFormats(_ slug: String, _ formats: TenantFormats) throws {
        let entry = try entry(slug)
        guard TenantFormats.isKnownZone(formats.timeZone) else { throw PlatformError("time_zone_unknown", formats.timeZone) }
        guard entry.tenant.kind == .commune else { throw PlatformError("formats_on_instance", slug) }
        let instances = registry.all().filter { $0.tenant.parentSlug == slug }.map(\.tenant.slug)
        try registry.write(slug, alsoChanging: instances) { db in
            try db.execute(sql: "UPDATE tenant SET formats = ? WHERE slug = ? OR parent_slug = ?", arguments: [formats.json, slug, slug])
        }
    }

    /// Replaces the contact and notices shown at the foot of the tenant's pages.
    func updateFooter(_ slug: String, _ footer: TenantFooter) throws {
        _ = try entry(slug)
        try registry.write(slug) { db in
            try db.execute(sql: "UPDATE tenant SET footer = ? WHERE slug = ?", arguments: [footer.json, slug])
        }
    }
}
