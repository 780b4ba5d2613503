import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// One tenant's storage failing — database full, database read-only, files folder unwritable —
/// answers that tenant's changes with a 503 saying nothing was saved, stores nothing half-written,
/// keeps its pages readable, leaves the other tenants working, and recovers when the disk does.
@Suite struct StorageFaultTests {
    /// A comment long enough to need a new database page.
    static let longComment = String(repeating: "Un avis détaillé sur le calendrier des travaux. ", count: 80)

    static func integrity(_ host: TestHost, _ tenant: String) async throws -> String? {
        try await host.read(tenant) { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }

    @Test func fullDatabaseRefusesChangesWithA503AndRecovers() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            try await host.injectStorageFault("alpha", "PRAGMA max_page_count = 1")  // clamped to the current size: no page more

            let refused = try await citizen.post("/alpha/feedback", FeedbackTests.comment(Self.longComment))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.body.contains("Rien n’a été enregistré"))
            #expect(refused.headers[.retryAfter] == "120")
            #expect(try await FeedbackTests.count(host) == 0, "nothing half-written")
            #expect(try await Self.integrity(host, "alpha") == "ok")
            #expect(try await citizen.get("/alpha/pages/about").status == .ok, "its pages still read")
            #expect(try await citizen.get("/alpha/dashboard").status == .ok, "the dashboard shows the history it has")

            var other = Browser(client)
            try await other.signIn("/beta", email: "admin@beta.test")  // a write in another tenant: its session
            #expect(try await other.get("/beta/admin").status == .ok)

            try await host.injectStorageFault("alpha", "PRAGMA max_page_count = 1073741823")  // the disk has room again
            #expect(try await citizen.post("/alpha/feedback", FeedbackTests.comment(Self.longComment)).status == .seeOther)
            #expect(try await FeedbackTests.count(host) == 1)
        }
    }

    @Test func readOnlyDatabaseServesReadsAndRefusesEveryChange() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/pages/about")
            try await host.injectStorageFault("alpha", "PRAGMA query_only = ON")

            let comment = try await admin.post("/alpha/feedback", FeedbackTests.comment("Un avis court"))
            #expect(comment.status == .serviceUnavailable)
            #expect(comment.body.contains("Rien n’a été enregistré"))
            var api = Browser(client)
            api.headers[.acceptLanguage] = "en"
            let json = try await api.send("/alpha/api/v1/feedback/thread?module=pages&item=page:about", method: .get, headers: [:], body: nil)
            #expect(json.status == .ok, "the API still reads")
            var visitor = Browser(client)
            visitor.headers[.acceptLanguage] = "ar"
            try await visitor.get("/alpha/login")
            let signIn = try await visitor.post("/alpha/login", [("email", "citizen@alpha.test"), ("password", TestHost.password)])
            #expect(signIn.status == .serviceUnavailable, "a session cannot be written either")
            #expect(signIn.body.contains("لم يُحفظ أي شيء"))
            for path in ["/alpha/", "/alpha/pages/about", "/alpha/feedback", "/alpha/dashboard"] {
                #expect(try await visitor.get(path).status == .ok, "\(path) still reads")
            }
            #expect(try await FeedbackTests.count(host) == 0)

            try await host.injectStorageFault("alpha", "PRAGMA query_only = OFF")
            #expect(try await admin.post("/alpha/feedback", FeedbackTests.comment("Un avis court")).status == .seeOther)
        }
    }

    @Test func unwritableFilesFolderRefusesTheUploadAndChangesNothing() async throws {
        let host = try await TestHost()
        // a plain file where the files folder should be: no file can be created under it, even by root
        let folder = host.dataDirectory + "/alpha/files"
        try? FileManager.default.removeItem(atPath: folder)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder))
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let fields = [("name.fr", "Commune Alpha"), ("locales", "fr"), ("default_locale", "fr"), ("accent", "#0b5cad"), ("logo", "")]
            let refused = try await admin.postMultipart("/alpha/admin/settings", fields,
                                                        files: [.init(field: "logo_file", filename: "logo.png", contentType: "image/png", bytes: SampleFiles.png)])
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.body.contains("Rien n’a été enregistré"))
            let home = try await admin.get("/alpha/")
            #expect(!home.body.contains("/alpha/files/"), "no logo was recorded")
            #expect(try String(contentsOfFile: folder, encoding: .utf8) == "not a folder")
        }
    }
}
