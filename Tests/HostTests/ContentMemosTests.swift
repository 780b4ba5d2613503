import CivicSDK
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

/// A value computed from content is kept until a write changes a table it read, and a page that
/// reuses it depends on what computing it read.
@Suite struct ContentMemosTests {
    @Test func aValueIsKeptUntilATableItReadChanges() async throws {
        let host = try await TestHost()
        let memo = ContentMemos(versions: host.services.versions)
        let database = try host.services.database("alpha")
        let computed = Hits()
        @Sendable func settings() async throws -> Int {
            try await memo.value("settings", tenant: "alpha") {
                computed.add()
                return try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM core_setting") ?? 0 }
            }
        }
        let first = try await settings()
        #expect(try await settings() == first && computed.value == 1)
        try await database.write { db in try db.execute(sql: "DELETE FROM feedback") }
        #expect(try await settings() == first && computed.value == 1, "another table changed")
        try await database.write(.nothingPublic) { db in try db.execute(sql: "INSERT INTO core_setting (key, value) VALUES ('private', 'x')") }
        #expect(computed.value == 1, "a change the public never sees keeps it")
        try await database.write { db in try db.execute(sql: "INSERT INTO core_setting (key, value) VALUES ('test', 'x')") }
        #expect(try await settings() == first + 2 && computed.value == 2)
        #expect(try await memo.value("settings", tenant: "beta") { 42 } == 42, "never another tenant's value")

        let page = ReadLedger()
        _ = try await ReadLedger.$current.withValue(page) { try await settings() }
        #expect(page.tables == ["alpha/core_setting"], "reusing the value reads what computing it read")
    }
}
