import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

/// The open-data archive: a valid ZIP holding every public dataset of the enabled modules and a README.
@Suite struct OpenDataTests {
    /// Entries of a stored ZIP, with their checksums verified.
    static func entries(_ data: Data) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        var offset = 0
        func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        while offset + 30 <= data.count, u32(offset) == 0x0403_4B50 {
            let crc = u32(offset + 14), size = Int(u32(offset + 18)), nameLength = u16(offset + 26), extra = u16(offset + 28)
            let name = String(decoding: data[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let start = offset + 30 + nameLength + extra
            let content = Data(data[start..<(start + size)])
            #expect(ZipArchive.crc32(content) == crc, "\(name)")
            entries[name] = content
            offset = start + size
        }
        #expect(u32(offset) == 0x0201_4B50, "the central directory follows the entries")
        return entries
    }

    @Test func theArchiveHoldsEveryPublicDatasetAndAReadme() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.test { client in
            var visitor = Browser(client)
            let response = try await client.execute(uri: "/alpha/opendata.zip", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/zip")
            let entries = try Self.entries(Data(buffer: response.body))
            #expect(Set(entries.keys).isSuperset(of: ["plan.csv", "plan.json", "reports.csv", "reports-1.json", "pages-1.json", "dashboard.csv",
                                                       "feedback-stats.json", "README.md"]))
            #expect(entries["members.csv"] == nil, "the commune has no instance section")
            let readme = String(decoding: entries["README.md"] ?? Data(), as: UTF8.self)
            #expect(readme.contains("## plan.csv"))
            #expect(readme.contains("planned_start"))
            // the archive's files are what the public pages serve
            let csv = try await visitor.get("/alpha/plans/export.csv")
            #expect(String(decoding: entries["plan.csv"] ?? Data(), as: UTF8.self) == csv.body)
        }
    }

    @Test func aCommuneWithEveryModuleGetsItsArchiveWithCommentsAndItsLicence() async throws {
        let host = try await FeedbackTests.host()
        for module in ["plans", "reports", "consultations", "instances"] { try await host.enable(module, on: "alpha", withSample: module != "instances") }
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let kept = try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Ouvrir le samedi", kind: "suggestion")))
            try await FeedbackNotificationTests.answer(client, kept, reason: [("reason.fr", "Ouvert le samedi dès mars."), ("reason.ar", "مفتوح يوم السبت ابتداء من مارس.")])
            try await citizen.get("/alpha/pages/draft")
            try await host.write("alpha") { db in
                try db.execute(sql: """
                    INSERT INTO feedback (module, item, kind, body, author_name, locale, channel, received_at, body_hash)
                    VALUES ('pages', 'page:draft', 'comment', 'Sur une page privée', 'X', 'fr', 'online', datetime('now'), 'h1'),
                           ('pages', 'page:about', 'comment', 'Texte masqué', 'Y', 'fr', 'online', datetime('now'), 'h2')
                    """)
                try db.execute(sql: "UPDATE feedback SET hidden_at = datetime('now'), hidden_reason = 'injure' WHERE body = 'Texte masqué'")
                try db.execute(sql: "UPDATE consultation SET status = 'published'")
            }

            let response = try await client.execute(uri: "/alpha/opendata.zip", method: .get)
            #expect(response.status == .ok, "a commune whose instances module has instance-only datasets")
            let entries = try Self.entries(Data(buffer: response.body))
            #expect(entries["members.csv"] == nil && entries["instance.json"] != nil && entries["consultations-1.json"] != nil)
            let results = String(decoding: try #require(entries["consultation-results.json"]), as: UTF8.self)
            #expect(results.contains("\"responses\"") && results.contains("\"questions\""), "the published consultation's results")
            let feedback = String(decoding: try #require(entries["feedback-1.json"]), as: UTF8.self)
            #expect(feedback.contains("Ouvrir le samedi") && feedback.contains("Ouvert le samedi dès mars.") && feedback.contains("\"outcome\":\"adopted\""))
            #expect(!feedback.contains("Sur une page privée") && !feedback.contains("Texte masqué"), "only what the public sees")
            #expect(!feedback.contains("Citizen"), "without authors' names")
            let readme = String(decoding: entries["README.md"] ?? Data(), as: UTF8.self)
            #expect(readme.contains("## feedback-1.json") && readme.contains("Open Database License (ODbL) 1.0"))

            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let fields = [("name.fr", "Commune Alpha"), ("locales", "fr"), ("locales", "ar"), ("default_locale", "fr"), ("accent", "#0b5cad")]
            #expect(try await admin.post("/alpha/admin/settings", fields + [("opendata_licence", "wtfpl")]).status == .badRequest)
            #expect(try await admin.post("/alpha/admin/settings", fields + [("opendata_licence", "licence-ouverte-2.0")]).status == .seeOther)
            let again = try Self.entries(Data(buffer: try await client.execute(uri: "/alpha/opendata.zip", method: .get).body))
            #expect(String(decoding: again["README.md"] ?? Data(), as: UTF8.self).contains("Licence Ouverte / Open Licence 2.0"), "the new licence, not a cached archive")
        }
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
    }
}
