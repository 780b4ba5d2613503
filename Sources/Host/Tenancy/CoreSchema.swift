import GRDB

/// Tables every tenant database has, whatever its modules: accounts, roles, sessions, audit log.
enum CoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("core/001-accounts-sessions-audit") { db in
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique().collate(.nocase)
                t.column("display_name", .text).notNull()
                t.column("password_hash", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "role_grant") { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("role", .text).notNull().check(sql: "role IN ('admin','editor','moderator','citizen')")
                t.column("module", .text).notNull().defaults(to: "")
                t.primaryKey(["account_id", "role", "module"])
            }
            try db.create(table: "session") { t in
                t.primaryKey("token", .text)
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(index: "session_account", on: "session", columns: ["account_id"])
            try db.create(index: "session_expiry", on: "session", columns: ["expires_at"])
            try db.create(table: "audit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("account_id", .integer).references("account", onDelete: .setNull)
                t.column("actor_name", .text).notNull()
                t.column("module", .text).notNull()
                t.column("action", .text).notNull()
                t.column("item_type", .text).notNull()
                t.column("item_id", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("changes", .text).notNull()
            }
            try db.create(index: "audit_item", on: "audit_log", columns: ["module", "item_type", "item_id", "at"])
        }
        return migrator
    }
}
