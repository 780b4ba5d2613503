import CivicSDK
import Foundation
import GRDB

/// `<data-dir>/platform.sqlite`: the tenant registry, module permissions per tenant, platform admins.
struct PlatformDatabase: Sendable {
    let pool: DatabasePool

    init(dataDirectory: String, replicated: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        var configuration = TenantPools.configuration(replicated: replicated)
        configuration.maximumReaderCount = 4
        pool = try DatabasePool(path: (dataDirectory as NSString).appendingPathComponent("platform.sqlite"), configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("platform/001-registry") { db in
            try db.create(table: "tenant") { t in
                t.primaryKey("slug", .text).check(sql: "length(slug) BETWEEN 1 AND 63")
                t.column("kind", .text).notNull().check(sql: "kind IN ('commune','instance')")
                t.column("parent_slug", .text).references("tenant", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("locales", .text).notNull()
                t.column("accent_color", .text).notNull().defaults(to: "#0b5cad")
                t.column("logo_url", .text)
                t.column("created_at", .datetime).notNull()
                t.check(sql: "(kind = 'instance') = (parent_slug IS NOT NULL)")
            }
            try db.create(index: "tenant_parent", on: "tenant", columns: ["parent_slug"])
            try db.create(table: "tenant_host") { t in
                t.primaryKey("host", .text)
                t.column("slug", .text).notNull().references("tenant", onDelete: .cascade)
            }
            try db.create(index: "tenant_host_slug", on: "tenant_host", columns: ["slug"])
            try db.create(table: "tenant_module") { t in
                t.column("slug", .text).notNull().references("tenant", onDelete: .cascade)
                t.column("module", .text).notNull()
                t.column("allowed", .boolean).notNull().defaults(to: true)
                t.column("enabled", .boolean).notNull().defaults(to: false)
                t.column("settings", .text).notNull().defaults(to: "{}")
                t.primaryKey(["slug", "module"])
                t.check(sql: "allowed OR NOT enabled")
            }
            try db.create(table: "platform_admin") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique().collate(.nocase)
                t.column("password_hash", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "platform_session") { t in
                t.primaryKey("token", .text)
                t.column("admin_id", .integer).notNull().references("platform_admin", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(index: "platform_session_expiry", on: "platform_session", columns: ["expires_at"])
            // bumped by every registry change, so other processes (CLI, other hosts) notice and reload
            try db.create(table: "registry_revision") { t in
                t.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO registry_revision (value) VALUES (0)")
        }
        migrator.registerMigration("platform/002-secret") { db in
            // signs tokens handed to browsers (respondent cookies); made once, never leaves this file
            try db.create(table: "platform_secret") { t in
                t.column("value", .blob).notNull()
            }
            try db.execute(sql: "INSERT INTO platform_secret (value) VALUES (?)", arguments: [Data(RandomToken.bytes(32))])
        }
        migrator.registerMigration("platform/003-footer") { db in
            // contact and the legal, privacy and accessibility pages shown at the foot of every page (TenantFooter as JSON)
            try db.alter(table: "tenant") { t in t.add(column: "footer", .text).notNull().defaults(to: "{}") }
        }
        migrator.registerMigration("platform/004-formats") { db in
            // time zone, Arabic month names and digits (TenantFormats as JSON; '{}' reads as the Moroccan conventions)
            try db.alter(table: "tenant") { t in t.add(column: "formats", .text).notNull().defaults(to: "{}") }
        }
        migrator.registerMigration("platform/005-mail-from") { db in
            // the address a tenant's mail is sent from, when it has its own (else the platform's, mail.from)
            try db.alter(table: "tenant") { t in t.add(column: "mail_from", .text) }
        }
        migrator.registerMigration("platform/006-cluster-directory") { db in
            // the tenants other hosts of a cluster serve (RemoteTenant as JSON), listed by the portal
            try db.create(table: "cluster_directory") { t in
                t.primaryKey("slug", .text)
                t.column("entry", .text).notNull()
            }
        }
        return migrator
    }

    /// The platform's secret key.
    func secret() throws -> [UInt8] {
        guard let data = try pool.read({ db in try Data.fetchOne(db, sql: "SELECT value FROM platform_secret") }) else {
            throw ConfigError("platform.sqlite has no secret key")
        }
        return [UInt8](data)
    }
}
