import CivicSDK
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct PlanDataTests {
    private func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        return host
    }

    private func importCSV(_ browser: inout Browser, _ text: String) async throws -> Page {
        try await browser.get("/alpha/admin/plans/import")
        return try await browser.postMultipart("/alpha/admin/plans/import", [],
                                               files: [.init(field: "file", filename: "plan.csv", contentType: "text/csv", bytes: Array(text.utf8))])
    }

    private func auditCount(_ host: TestHost) async throws -> Int {
        try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE module = 'plans'") ?? 0 }
    }

    @Test func exportsCSVJSONAndAtom() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let csv = try await visitor.get("/alpha/plans/export.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("alpha-plan.csv") == true)
            let rows = try CSV.parse(csv.body)
            #expect(rows.first?.prefix(4) == ["type", "number", "activity_id", "position"])
            #expect(rows.count == 6, "header, one commitment, four activities")
            #expect(rows[1][0] == "commitment" && rows[2][0] == "activity")
            let json = try await visitor.get("/alpha/plans/export.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            #expect((document["commitments"] as? [[String: Any]])?.first?["expectedResults"] != nil)
            let atom = try await visitor.get("/alpha/plans/feed.atom")
            #expect(atom.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(atom.body.hasPrefix("<?xml"))
            #expect(atom.body.contains("<entry>"))
            let parser = XMLParser(data: Data(atom.body.utf8))
            #expect(parser.parse(), "the feed is well-formed XML")
        }
    }

    @Test func exportImportedBackChangesNothing() async throws {
        let host = try await host()
        let before = try await auditCount(host)
        try await host.test { client in
            var visitor = Browser(client)
            let csv = try await visitor.get("/alpha/plans/export.csv").body
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let result = try await importCSV(&editor, csv)
            #expect(result.status == .ok)
            #expect(result.body.contains("0 élément(s) créé(s) ou modifié(s)"))
        }
        #expect(try await auditCount(host) == before)
    }

    @Test func importCreatesAndUpdatesWithFormulaCellsRestored() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            var rows = try CSV.parse(try await visitor.get("/alpha/plans/export.csv").body)
            let header = rows[0]
            func column(_ name: String) -> Int { header.firstIndex(of: name)! }
            rows[1][column("title.fr")] = "=Suivi public (titre revu)"
            var newActivity = Array(repeating: "", count: header.count)
            newActivity[column("type")] = "activity"
            newActivity[column("number")] = "2"
            newActivity[column("position")] = "9"
            newActivity[column("title.fr")] = "Rapport 2026"
            newActivity[column("planned_start")] = "2026-02"
            newActivity[column("planned_end")] = "2026-03"
            newActivity[column("status")] = "not_started"
            newActivity[column("progress")] = "0"
            let text = CSV.document(header: header, rows: Array(rows.dropFirst()) + [newActivity])
            #expect(text.contains("'=Suivi public"), "formula-like cells are neutralised in the file")
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let result = try await importCSV(&editor, text)
            #expect(result.body.contains("2 élément(s)"))
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("=Suivi public (titre revu)"))
            #expect(sheet.body.contains("Rapport 2026"))
        }
    }

    @Test func badCSVIsRefusedLineByLineAndNothingIsApplied() async throws {
        let host = try await host()
        let before = try await auditCount(host)
        try await host.test { client in
            var visitor = Browser(client)
            var rows = try CSV.parse(try await visitor.get("/alpha/plans/export.csv").body)
            let header = rows[0]
            func column(_ name: String) -> Int { header.firstIndex(of: name)! }
            rows[1][column("title.fr")] = "Titre qui ne doit pas passer"
            rows[2][column("planned_end")] = "2020-01"
            rows[3][column("progress")] = "140"
            rows[4][column("activity_id")] = "999"
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let result = try await importCSV(&editor, CSV.document(header: header, rows: Array(rows.dropFirst())))
            #expect(result.status == .badRequest)
            #expect(result.body.contains("Rien n&#39;a été importé"))
            #expect(result.body.contains("Ligne 3\u{00A0}: La fin prévue précède le début prévu."))
            #expect(result.body.contains("Ligne 4\u{00A0}: L&#39;avancement doit être un nombre entier de 0 à 100."))
            #expect(result.body.contains("Ligne 5\u{00A0}: cette activité n&#39;existe pas dans cet engagement."))
            let wrongHeader = try await importCSV(&editor, "type,number\ncommitment,2\n")
            #expect(wrongHeader.body.contains("Ligne 1\u{00A0}: les colonnes ne sont pas celles de l&#39;export."))
            let binary = try await importCSV(&editor, "\u{0}\u{1}")
            #expect(binary.status == .badRequest)
            #expect(!(try await visitor.get("/alpha/plans/2").body.contains("Titre qui ne doit pas passer")))
        }
        #expect(try await auditCount(host) == before)
    }

    @Test func onlyEditorsImport() async throws {
        let host = try await host()
        try await host.test { client in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/account")
            let page = try await citizen.postMultipart("/alpha/admin/plans/import", [],
                                                       files: [.init(field: "file", filename: "plan.csv", contentType: "text/csv", bytes: Array("x".utf8))])
            #expect(page.status == .forbidden)
        }
    }
}
