import CivicSDK
import GRDB
@testable import Plans

/// A database with the plan module's tables, for tests that read the plan without a host.
enum PlanDatabase {
    /// Runs the module's migrations on `queue` (a fresh in-memory queue by default).
    static func migrated(_ queue: DatabaseQueue? = nil) throws -> DatabaseQueue {
        let queue = try queue ?? DatabaseQueue()
        var migrator = DatabaseMigrator()
        var migrations = ModuleMigrations(moduleID: "plans")
        PlansModule.manifest.migrations(&migrations)
        for migration in migrations.list { migrator.registerMigration(migration.id, migrate: migration.body) }
        try migrator.migrate(queue)
        return queue
    }
}
