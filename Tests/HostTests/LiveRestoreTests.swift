import Foundation
import GRDB
import Testing
import TestSupport
@testable import OpenCommune

/// A restore replaces database files: under a running server, which keeps the old files open, the
/// changes it acknowledged afterwards would vanish at its next start. So a restore refuses to run
/// while a server holds the data directory, and nothing the server acknowledged is lost.
@Suite(.serialized) struct LiveRestoreTests {
    @Test func restoreRefusesWhileAServerRunsAndLosesNoAcknowledgedWrite() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path), "swift test builds the executable")
        let platform = try ServerProcess()
        #expect(try await platform.command(["tenant", "create", "alpha", "--name", "Alpha"]).status == 0)
        let database = platform.dataDirectory + "/alpha/tenant.sqlite"
        try await DatabaseQueue(path: database).write { db in
            try db.execute(sql: "INSERT INTO core_setting (key, value) VALUES ('feedback.without_account', '1')")
        }
        let archive = platform.folder.appendingPathComponent("alpha.zip").path
        #expect(try await platform.command(["backup", "alpha", "--to", archive]).status == 0)

        try await platform.start()
        let refused = try await platform.command(["restore", archive, "--force"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("a server is running"), "\(refused.output)")
        let form = "module=core&item=general&kind=comment&body=Apr%C3%A8s+la+tentative&name=Salma&contact=&website="
        let sent = try await RawHTTP.send(port: platform.port, "/alpha/feedback", method: "POST",
                                          headers: ["Content-Type: application/x-www-form-urlencoded", "Sec-Fetch-Site: same-origin"], body: form)
        #expect(sent.hasPrefix("HTTP/1.1 303"), "the comment is acknowledged")
        await platform.stop()

        let kept = try await DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") }
        #expect(kept == 1, "the acknowledged comment survives the refused restore and the restart")
        // with the server stopped, the restore runs and brings back the archived state
        let restored = try await platform.command(["restore", archive, "--force"])
        #expect(restored.status == 0, "\(restored.output)")
        let after = try await DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") }
        #expect(after == 0)
    }

    @Test func aServerDoesNotStartDuringARestore() throws {
        let folder = NSTemporaryDirectory() + "oc-lock-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let restore = try DataDirectoryLock(directory: folder, for: .restore)
            #expect(throws: ConfigError.self) { try DataDirectoryLock(directory: folder, for: .server) }
            withExtendedLifetime(restore) {}
        }
        // once the restore is done, servers start (and may share the directory), and a restore waits for them
        let first = try DataDirectoryLock(directory: folder, for: .server)
        let second = try DataDirectoryLock(directory: folder, for: .server)
        #expect(throws: ConfigError.self) { try DataDirectoryLock(directory: folder, for: .restore) }
        withExtendedLifetime((first, second)) {}
    }
}
