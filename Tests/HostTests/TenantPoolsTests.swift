import Foundation
import GRDB
import Logging
import Testing
@testable import OpenCommune

@Suite struct TenantPoolsTests {
    @Test func keepsAtMostCapacityOpenAndReopensOnDemand() throws {
        let folder = NSTemporaryDirectory() + "oc-pools-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pools = TenantPools(dataDirectory: folder, capacity: 2)
        for slug in ["a", "b", "c"] { _ = try pools.pool(slug, creating: true) }
        #expect(pools.openCount == 2)
        let reopened = try pools.pool("a")
        try reopened.write { db in try db.execute(sql: "INSERT INTO account (email, display_name, password_hash, created_at) VALUES ('x@y.z', 'X', 'h', ?)", arguments: [Date()]) }
        #expect(pools.openCount == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/a/tenant.sqlite"))
        let journal = try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let foreignKeys = try reopened.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
        #expect(throws: (any Error).self) { try pools.pool("never-created") }
    }

    @Test func aPendingMigrationRunsOnceWhenManyOpenTheTenantAtOnce() async throws {
        let folder = NSTemporaryDirectory() + "oc-race-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = TenantPools(dataDirectory: folder, capacity: 2)
        try await first.pool("a", creating: true).write { db in
            try db.execute(sql: "DROP TABLE feedback_search")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'core/008-feedback-search'")
        }
        first.release("a")
        // a new server: the mail loop and the first requests open the tenant at the same moment
        let pools = TenantPools(dataDirectory: folder, capacity: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try pools.opened("a") } }
            try await group.waitForAll()
        }
        let restored = try await pools.pool("a").read { db in try db.tableExists("feedback_search") }
        #expect(restored)
    }

    @Test func firstStartCreatesOnePlatformAdminOnce() async throws {
        let folder = NSTemporaryDirectory() + "oc-first-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var config = ServerConfig()
        config.dataDirectory = folder
        config.bcryptCost = 4
        let services = try HostServices(config: config, modules: InstalledModules.all, logger: Logger(label: "test"))
        let created = try #require(try await FirstAdmin.ensure(services))
        #expect(created.email == FirstAdmin.email)
        #expect(created.password.count == 20)
        #expect(try await FirstAdmin.ensure(services) == nil)
    }
}
