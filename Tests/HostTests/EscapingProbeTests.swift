import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Hostile text sent by a citizen comes back inert wherever it is shown: pages, feeds, search,
/// CSV (formulas neutralised) and JSON.
@Suite struct EscapingProbeTests {
    static let script = "<script>alert('x')</script>"
    static let formula = "=HYPERLINK(\"http://evil.test\")"

    @Test func citizenTextIsEscapedEverywhere() async throws {
        let host = try await TestHost()
        try await host.enable("consultations", on: "alpha", withSample: true)
        try await host.write("alpha") { db in
            try db.execute(sql: "INSERT INTO core_setting (key, value) VALUES ('feedback.without_account', '1')")
            try db.execute(sql: """
                INSERT INTO page (slug, title, body, published, position, created_at, updated_at)
                VALUES ('about', '{"fr":"À propos"}', '{"fr":"Texte"}', 1, 0, datetime('now'), datetime('now'))
                """)
        }
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
            #expect(try await visitor.post("/alpha/feedback", [("module", "pages"), ("item", "page:about"), ("kind", "comment"),
                                                               ("body", Self.script + " \" onmouseover=\"x"), ("name", "<img src=x onerror=alert(1)>")],
                                           csrf: "").status == .seeOther)
            #expect(try await visitor.post("/alpha/consultations/1/answer", [("q4", "3"), ("q2-1", "1"), ("q2-2", "2"), ("q2-3", "3"),
                                                                             ("q7", Self.formula + " " + Self.script)], csrf: "").status == .seeOther)
            try await host.write("alpha") { db in try db.execute(sql: "UPDATE consultation SET status = 'published'") }
            for path in ["/alpha/pages/about", "/alpha/feedback", "/alpha/feedback/1", "/alpha/consultations/1/results"] {
                let page = try await visitor.get(path)
                #expect(!page.body.contains("<script>alert"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
                #expect(page.body.contains("&lt;script&gt;") || page.body.contains("&lt;img"), "\(path)")
            }
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let csv = try await editor.get("/alpha/admin/consultations/1/answers.csv")
            #expect(!csv.body.contains(",=HYPERLINK"), "a formula is neutralised in the CSV")
            #expect(csv.body.contains("'=HYPERLINK") || csv.body.contains("\"'=HYPERLINK"))
            let json = try await visitor.get("/alpha/api/v1/feedback/thread?module=pages&item=page:about")
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(json.headers[.xContentTypeOptions] == "nosniff")
            let search = try await visitor.get("/alpha/search?q=alert")
            #expect(!search.body.contains("<script>alert"))
        }
    }
}
