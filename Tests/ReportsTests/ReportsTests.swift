import CivicSDK
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

private let pdf = SampleFiles.pdf
private let png = SampleFiles.png

private func host(maxUploadBytes: Int = 10_485_760) async throws -> TestHost {
    let host = try await TestHost(maxUploadBytes: maxUploadBytes)
    try await host.enable("reports", on: "alpha", withSample: true)
    return host
}

private func storedFiles(_ host: TestHost) -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: host.dataDirectory + "/alpha/files")) ?? [])
}

private func fields(title: String = "Rapport 2025", year: String = "2025", extra: [(String, String)] = []) -> [(String, String)] {
    [("title.fr", title), ("summary.fr", "Bilan de l'année"), ("type", "annual_report"), ("year", year), ("languages", "fr")] + extra
}

@Suite struct ReportsPublicTests {
    @Test func sampleArchiveShowsDeadlinesFilesAndHashes() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let list = try await visitor.get("/alpha/reports")
            #expect(list.status == .ok)
            #expect(list.body.contains("Rapport annuel de suivi 2023"))
            #expect(!list.body.contains("(exemple)"), "sample content is marked once, by its badge")
            #expect(list.body.contains("publié à temps"))
            #expect(list.body.contains("manquant"), "the 2024 report was due on 2025-03-31 and is not there")
            let page = try await visitor.get("/alpha/reports/1")
            #expect(page.body.contains("Document d&#39;exemple"))
            let sha = try #require(page.body.range(of: "<code class=\"hash\">")).upperBound
            let hash = page.body[sha...].prefix(64)
            #expect(hash.count == 64 && hash.allSatisfy { $0.isHexDigit })
        }
    }

    @Test func downloadsHaveTypeNameRangesAndCounts() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let full = try await visitor.get("/alpha/reports/files/1")
            #expect(full.status == .ok)
            #expect(full.headers[.contentType] == "application/pdf")
            #expect(full.headers[.contentDisposition]?.contains("filename=\"rapport-exemple-2023.pdf\"") == true)
            #expect(full.body.hasPrefix("%PDF-1.4"))
            let part = try await visitor.get("/alpha/reports/files/1", headers: [.range: "bytes=0-7"])
            #expect(part.status == .partialContent)
            #expect(part.body == "%PDF-1.4")
            #expect(part.headers[.contentRange]?.hasPrefix("bytes 0-7/") == true)
            let tail = try await visitor.get("/alpha/reports/files/1", headers: [.range: "bytes=-6"])
            #expect(tail.body == "%%EOF\n")
            #expect(try await visitor.get("/alpha/reports/files/1", headers: [.range: "bytes=99999-"]).status == .rangeNotSatisfiable)
            #expect(try await visitor.get("/alpha/reports/files/99").status == .notFound)
            #expect(try await visitor.get("/beta/reports/files/1").status == .notFound)
        }
        let downloads = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT downloads FROM report_file WHERE id = 1") }
        #expect(downloads == 2, "the full download and the range from byte 0 count, the others do not")
    }

    @Test func feedCSVAndAPI() async throws {
        let host = try await host()
        try await host.test { client in
            var visitor = Browser(client)
            let feed = try await visitor.get("/alpha/reports/feed.atom")
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(XMLParser(data: Data(feed.body.utf8)).parse())
            let csv = try CSV.parse(try await visitor.get("/alpha/reports/export.csv").body)
            #expect(csv.count == 2)
            #expect(csv[0].first == "id")
            let api = try await visitor.get("/alpha/api/v1/reports")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
            #expect((json["reports"] as? [Any])?.count == 1)
            #expect((json["deadlines"] as? [[String: Any]])?.contains { $0["state"] as? String == "on_time" } == true)
        }
    }

    @Test func livePlanIndicatorCountsPublishedReports() async throws {
        let host = try await host()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("<strong>1</strong> — valeur calculée en direct par la plateforme"),
                    "the plan's result indicator is linked to reports.published")
            #expect(try await visitor.get("/alpha/dashboard").body.contains("Rapports publiés"))
        }
    }
}

@Suite struct ReportsEditingTests {
    @Test func editorPublishesSearchesAndWithdraws() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/new")
            let created = try await editor.postMultipart("/alpha/admin/reports", fields(title: "Rapport de suivi budgétaire", extra: [("title.ar", "تقرير التتبع المالي")]), files: [
                .init(field: "files", filename: "rapport.pdf", contentType: "application/pdf", bytes: pdf),
                .init(field: "files", filename: "annexe.csv", contentType: "text/csv", bytes: Array("ligne;montant\n1;2\n".utf8)),
            ])
            #expect(created.status == .seeOther)
            let id = try #require(created.location?.split(separator: "?").first?.split(separator: "/").last.map(String.init))
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/reports/\(id)").status == .notFound, "drafts are private")
            try await editor.get("/alpha/admin/reports/\(id)")
            #expect(try await editor.post("/alpha/admin/reports/\(id)/publish", [("published_on", "2026-02-10")]).status == .seeOther)
            let page = try await visitor.get("/alpha/reports/\(id)")
            #expect(page.body.contains("annexe.csv") && page.body.contains("rapport.pdf"))
            #expect(try await visitor.get("/alpha/reports?q=budg%C3%A9taire").body.contains("Rapport de suivi budgétaire"))
            #expect(try await visitor.get("/alpha/reports?q=budgetaire").body.contains("Rapport de suivi budgétaire"), "accents are folded")
            #expect(try await visitor.get("/alpha/reports?q=%D8%A7%D9%84%D9%85%D8%A7%D9%84%D9%8A").body.contains("Rapport de suivi budgétaire"))
            #expect(try await visitor.get("/alpha/reports?q=rapports+suivis").body.contains("Rapport de suivi budgétaire"), "words meet by their stems")
            let article = "التقرير".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await visitor.get("/alpha/reports?q=\(article)").body.contains("Rapport de suivi budgétaire"), "the article is no obstacle")
            #expect(!(try await visitor.get("/alpha/reports?q=inexistant").body.contains("Rapport de suivi budgétaire")))
            #expect(!(try await visitor.get("/alpha/reports?year=2023").body.contains("Rapport de suivi budgétaire")))
            #expect(try await visitor.get("/alpha/reports?q=%22%29%28*").status == .ok, "FTS syntax in the query is harmless")

            try await editor.get("/alpha/admin/reports/\(id)")
            #expect(try await editor.post("/alpha/admin/reports/\(id)/withdraw", []).status == .badRequest)
            #expect(try await editor.post("/alpha/admin/reports/\(id)/withdraw", [("reason.fr", "Chiffres erronés, version corrigée à venir")]).status == .seeOther)
            let withdrawn = try await visitor.get("/alpha/reports")
            #expect(withdrawn.body.contains("Rapport de suivi budgétaire"), "a withdrawn report stays listed")
            #expect(withdrawn.body.contains("Retiré"))
            #expect(try await visitor.get("/alpha/reports/\(id)").body.contains("Chiffres erronés"))
        }
        let actions = try await host.read("alpha") { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE module = 'reports' AND item_type = 'report' AND item_id != '1' ORDER BY id")
        }
        #expect(actions == ["create", "publish", "withdraw"])
    }

    @Test func badInputIsRefusedAndStoresNothing() async throws {
        let host = try await host()
        let before = storedFiles(host)
        let reportsBefore = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report") }
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/new")
            let cases: [([(String, String)], [Browser.Upload], String)] = [
                (fields(), [.init(field: "files", filename: "virus.exe", contentType: "application/octet-stream", bytes: [0x4D, 0x5A, 0x90, 0])], "pas accepté ici"),
                (fields(), [.init(field: "files", filename: "rapport.pdf", contentType: "application/pdf", bytes: png)], "ne correspond pas au contenu"),
                (fields(), [.init(field: "files", filename: "vide.pdf", contentType: "application/pdf", bytes: [])], "est vide"),
                (fields(), [.init(field: "files", filename: "ok.pdf", contentType: "application/pdf", bytes: pdf),
                            .init(field: "files", filename: "bad.pdf", contentType: "application/pdf", bytes: png)], "ne correspond pas au contenu"),
                (fields(title: ""), [.init(field: "files", filename: "ok.pdf", contentType: "application/pdf", bytes: pdf)], "Donnez un titre"),
                (fields(year: "1850"), [], "entre 1900 et 2200"),
                (fields(extra: [("published_on", "1800-01-01")]), [], "AAAA-MM-JJ"),
                (fields(extra: [("period_start", "2025-12-31"), ("period_end", "2025-01-01")]), [], "précède son début"),
                (fields(extra: [("period_start", "2025-02-30")]), [], "AAAA-MM-JJ"),
            ]
            for (form, files, message) in cases {
                let page = try await editor.postMultipart("/alpha/admin/reports", form, files: files)
                #expect(page.status == .badRequest, "\(message)")
                #expect(page.body.contains(message), "\(message)")
            }
            // a path in the file name is ignored: the platform names the file and keeps only the base name as a label
            let pathName = try await editor.postMultipart("/alpha/admin/reports", fields(title: "Avec chemin"), files: [
                .init(field: "files", filename: "../../etc/passwd.pdf", contentType: "application/pdf", bytes: pdf),
            ])
            #expect(pathName.status == .seeOther)
        }
        let after = storedFiles(host)
        #expect(after.count == before.count + 1, "only the accepted file was stored")
        #expect(after.allSatisfy { $0.range(of: "^[0-9a-f]{32}\\.[a-z]+$", options: .regularExpression) != nil })
        let labels = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT label FROM report_file") }
        #expect(labels.contains("passwd.pdf"))
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report") } == (reportsBefore ?? 0) + 1)
        #expect(!FileManager.default.fileExists(atPath: host.dataDirectory + "/etc"))
    }

    @Test func uploadOverTheLimitIs413() async throws {
        let host = try await host(maxUploadBytes: 4_096)
        let before = storedFiles(host)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/new")
            let page = try await editor.postMultipart("/alpha/admin/reports", fields(), files: [
                .init(field: "files", filename: "gros.pdf", contentType: "application/pdf", bytes: pdf + Array(repeating: 0x20, count: 10_000)),
            ])
            #expect(page.status == .contentTooLarge)
        }
        #expect(storedFiles(host) == before)
    }

    @Test func expectedReportsAndPermissions() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports")
            let bad = try await editor.post("/alpha/admin/reports/expected", [("label.fr", "PV"), ("type", "council_minutes"), ("due_month", "2"), ("due_day", "30"), ("first_year", "2025")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("date qui existe"))
            #expect(try await editor.post("/alpha/admin/reports/expected", [("label.fr", "Procès-verbaux"), ("type", "council_minutes"), ("due_month", "1"), ("due_day", "15"), ("first_year", "2024")]).status == .seeOther)
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/reports").body.contains("Procès-verbaux"))

            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/account")
            #expect(try await citizen.get("/alpha/admin/reports").status == .forbidden)
            #expect(try await citizen.postMultipart("/alpha/admin/reports", fields(), files: []).status == .forbidden)
        }
    }
}

@Suite struct ReportLinkTests {
    @Test func aReportEvidencesPlanCommitments() async throws {
        let host = try await host()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let form = try await editor.get("/alpha/admin/reports/new")
            #expect(form.body.contains("value=\"plans:commitment:2\""), "the plan's published commitments are offered")
            let bad = try await editor.postMultipart("/alpha/admin/reports", fields(extra: [("links", "plans:commitment:99")]), files: [])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("n&#39;existe pas ou n&#39;est plus public"))
            let created = try await editor.postMultipart("/alpha/admin/reports", fields(extra: [("links", "plans:commitment:2")]), files: [])
            let id = try #require(created.location?.split(separator: "?").first?.split(separator: "/").last.map(String.init))
            try await editor.get("/alpha/admin/reports/\(id)")
            try await editor.post("/alpha/admin/reports/\(id)/publish", [])
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/reports/\(id)")
            #expect(page.body.contains("Ce rapport rend compte de"))
            #expect(page.body.contains("href=\"/alpha/plans/2\""))
        }
    }
}

@Suite struct ReportTypeTests {
    @Test func tenantAddsAndRenamesTypes() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports")
            #expect(try await editor.post("/alpha/admin/reports/types", [("key", "Bad Key"), ("label.fr", "X")]).status == .badRequest)
            #expect(try await editor.post("/alpha/admin/reports/types", [("key", "budget"), ("label.fr", "Budget citoyen")]).status == .seeOther)
            #expect(try await editor.post("/alpha/admin/reports/types", [("key", "other"), ("label.fr", "Divers")]).status == .seeOther)
            var visitor = Browser(client)
            let list = try await visitor.get("/alpha/reports")
            #expect(list.body.contains("<option value=\"budget\">Budget citoyen</option>"))
            #expect(list.body.contains("<option value=\"other\">Divers</option>"))
        }
    }
}
