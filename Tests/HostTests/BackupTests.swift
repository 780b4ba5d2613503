import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// `opencommune backup` and `restore`: a round trip serves the same pages and data; a damaged or
/// conflicting restore writes nothing.
@Suite struct BackupTests {
    static func archivePath() -> String { NSTemporaryDirectory() + "opencommune-backup-test-\(UUID().uuidString).zip" }

    @Test func aRestoredTenantServesTheSamePagesAndData() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha", withSample: true)
        let archive = Self.archivePath()
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/plans/2")
            #expect(try await citizen.post("/alpha/feedback", [("module", "plans"), ("item", "commitment:2"), ("kind", "suggestion"),
                                                               ("body", "Publier les comptes rendus")]).status == .seeOther)
        }
        #expect(await host.cli(["backup", "alpha", "--to", archive]) == 0)
        #expect(await host.cli(["backup", "alpha", "--to", archive]) == 2, "an existing archive is not replaced without --force")
        #expect(await host.cli(["restore", archive]) == 2, "alpha exists: no overwrite without --force")
        #expect(await host.cli(["restore", archive, "--as", "alpha-copy"]) == 0)
        try host.reloadRegistry()
        try await host.test { client in
            var visitor = Browser(client)
            for path in ["/plans/2", "/reports/1", "/api/v1/plans", "/api/v1/reports", "/feedback"] {
                let original = try await visitor.get("/alpha" + path)
                let copy = try await visitor.get("/alpha-copy" + path)
                #expect(copy.status == .ok, "\(path)")
                #expect(copy.body.replacingOccurrences(of: "/alpha-copy", with: "/alpha") == original.body, "\(path)")
            }
            let file = try #require(try await visitor.get("/alpha/reports/1").body.range(of: "/alpha/reports/files/[0-9]+", options: .regularExpression))
            let original = try await visitor.get(String(try await visitor.get("/alpha/reports/1").body[file]))
            let copied = try await visitor.get(String(try await visitor.get("/alpha/reports/1").body[file]).replacingOccurrences(of: "/alpha/", with: "/alpha-copy/"))
            #expect(copied.status == .ok && copied.body == original.body)
        }
        let integrity = try await host.read("alpha-copy") { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func aDamagedArchiveRestoresNothing() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        let archive = Self.archivePath()
        defer { try? FileManager.default.removeItem(atPath: archive) }
        #expect(await host.cli(["backup", "alpha", "--to", archive]) == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        let middle = bytes.count / 2
        bytes[middle] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: archive))
        #expect(await host.cli(["restore", archive, "--as", "alpha-damaged"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: "\(host.dataDirectory)/alpha-damaged"))
        #expect(await host.cli(["restore", "/nonexistent/archive.zip"]) == 2)
    }
}
