import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The public API's conventions (errors, pagination, locales, dates, CORS, rate limit), its OpenAPI
/// document, and writes with personal access tokens.
@Suite struct APITests {
    static func pages(_ host: TestHost, count: Int) async throws {
        try await host.write("alpha") { db in
            for n in 1...count {
                try db.execute(sql: """
                    INSERT INTO page (slug, title, body, published, position, created_at, updated_at)
                    VALUES (?, ?, '{"fr":"Texte"}', 1, ?, datetime('now'), datetime('now'))
                    """, arguments: ["p\(n)", "{\"fr\":\"Page \(n)\",\"ar\":\"صفحة \(n)\"}", n])
            }
        }
    }

    static func object(_ body: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }

    @Test func errorsPaginationLocalesDatesAndCORS() async throws {
        let host = try await TestHost()
        try await Self.pages(host, count: 3)
        try await host.test { client in
            var reader = Browser(client)
            let missing = try await reader.get("/alpha/api/v1/pages/nope")
            #expect(missing.status == .notFound)
            let error = Self.object(missing.body)["error"] as? [String: Any]
            #expect(error?["code"] as? String == "not_found")
            #expect(error?["status"] as? Int == 404)
            #expect((error?["message"] as? String)?.isEmpty == false)
            let badPage = try await reader.get("/alpha/api/v1/pages?per_page=500")
            #expect(badPage.status == .badRequest)
            #expect((Self.object(badPage.body)["error"] as? [String: Any])?["code"] as? String == "bad_request")
            #expect(try await reader.get("/alpha/api/v1/nothing-here").body.contains("\"code\":\"not_found\""))

            let first = try await reader.get("/alpha/api/v1/pages?per_page=2")
            #expect(first.status == .ok)
            #expect((Self.object(first.body)["pages"] as? [[String: Any]])?.count == 2)
            #expect(first.headers[HTTPField.Name("X-Total-Count")!] == "3")
            #expect(first.headers[HTTPField.Name("Link")!]?.contains("</alpha/api/v1/pages?page=2&per_page=2>; rel=\"next\"") == true)
            #expect(first.headers[.accessControlAllowOrigin] == "*")
            let second = try await reader.get("/alpha/api/v1/pages?per_page=2&page=2")
            #expect((Self.object(second.body)["pages"] as? [[String: Any]])?.count == 1)
            #expect(second.headers[HTTPField.Name("Link")!]?.contains("rel=\"prev\"") == true)

            let all = Self.object(try await reader.get("/alpha/api/v1/pages").body)["pages"] as? [[String: Any]] ?? []
            #expect((all.first?["title"] as? [String: String])?["ar"] == "صفحة 1")
            let date = all.first?["updatedAt"] as? String ?? ""
            #expect(date.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", options: .regularExpression) != nil)
            let arabic = Self.object(try await reader.get("/alpha/api/v1/pages?locale=ar").body)["pages"] as? [[String: Any]] ?? []
            #expect(arabic.first?["title"] as? String == "صفحة 1")
            // a locale without text falls back on the tenant's
            let english = Self.object(try await reader.get("/alpha/api/v1/pages?locale=en").body)["pages"] as? [[String: Any]] ?? []
            #expect(english.first?["title"] as? String == "Page 1")
        }
    }

    @Test func rateLimitSaysWhenToComeBack() async throws {
        let host = try await TestHost(apiRequestsPerMinute: 3)
        try await host.test { client in
            var reader = Browser(client)
            for _ in 1...3 { #expect(try await reader.get("/alpha/api/v1/pages").status == .ok) }
            let limited = try await reader.get("/alpha/api/v1/pages")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "60")
            #expect(limited.body.contains("\"code\":\"rate_limited\""))
            // pages are not API reads
            #expect(try await reader.get("/alpha/pages").status == .ok)
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryRouteAndNothingElse() async throws {
        let host = try await TestHost()
        let routes = Set(try host.apiRoutes())
        try await host.test { client in
            var reader = Browser(client)
            let response = try await reader.get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let document = Self.object(response.body)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
                // every path parameter is declared
                for operation in operations.values {
                    let declared = Set(((operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
                    for name in path.split(separator: "{").dropFirst().map({ String($0.prefix { $0 != "}" }) }) { #expect(declared.contains(name), "\(path)") }
                }
            }
            #expect(documented == routes, "undocumented: \(routes.subtracting(documented).sorted()); gone: \(documented.subtracting(routes).sorted())")
            // every $ref points to something
            for reference in response.body.components(separatedBy: "\"$ref\": \"#/").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                var node: Any? = document
                for key in reference.split(separator: "/") { node = (node as? [String: Any])?[String(key)] }
                #expect(node != nil, "\(reference)")
            }
        }
    }

    @Test func tokensWriteWithinTheirScopesOnTheirTenantOnly() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha")
        try await host.enable("plans", on: "beta", withSample: true)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/tokens")
            #expect(try await editor.post("/alpha/admin/tokens", [("name", "Tableur"), ("scopes", "core.admin")]).status == .unprocessableContent)
            let made = try await editor.post("/alpha/admin/tokens", [("name", "Tableur du service"), ("scopes", "plans.edit")])
            #expect(made.status == .created)
            let token = try #require(made.body.range(of: "oc_[A-Za-z0-9_-]{43}", options: .regularExpression).map { String(made.body[$0]) })
            let reportsOnly = try await editor.post("/alpha/admin/tokens", [("name", "Rapports"), ("scopes", "reports.edit")])
            let reportsToken = try #require(reportsOnly.body.range(of: "oc_[A-Za-z0-9_-]{43}", options: .regularExpression).map { String(reportsOnly.body[$0]) })

            func post(_ path: String, token: String?, json: String) async throws -> Page {
                var system = Browser(client)
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                return try await system.send(path, method: .post, headers: headers, body: ByteBuffer(string: json))
            }
            let update = #"{"date": "2026-11-20", "text": {"fr": "Mise à jour envoyée par le tableur"}, "new_progress": 40}"#
            let created = try await post("/alpha/api/v1/plans/commitments/2/updates", token: token, json: update)
            #expect(created.status == .created)
            #expect(created.body.contains("\"commitment\":2"))
            let invalid = try await post("/alpha/api/v1/plans/commitments/2/updates", token: token, json: #"{"date": "hier", "text": {"fr": ""}}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("\"problems\""))
            #expect(try await post("/alpha/api/v1/plans/commitments/2/updates", token: reportsToken, json: update).status == .forbidden)
            // without a token there is no session either: refused before the body is read
            let anonymous = try await post("/alpha/api/v1/plans/commitments/2/updates", token: nil, json: update)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.body.contains("\"code\":\"unauthorized\""))
            // values the API's fields cannot hold are refused, not read as absent
            for body in [#"{"date": "2026-11-20", "text": {"fr": "x"}, "new_progress": false}"#, #"{"date": "2026-11-20", "text": {}}"#,
                         #"{"date": "2026-11-20", "text": {"fr": "x"}, "activity": {}}"#, #"{"date": "2026-11-20", "text": {"xx": "x"}}"#,
                         #"{"date": "2026-11-20", "text": {"fr": "x"}, "": "x"}"#, #"{"date": "2026-11-20", "text": {"fr": "x"}, "activity": [1]}"#] {
                #expect(try await post("/alpha/api/v1/plans/commitments/2/updates", token: token, json: body).status == .badRequest, "\(body)")
            }
            let garbage = try await post("/alpha/api/v1/plans/commitments/2/updates", token: "oc_nothing", json: update)
            #expect(garbage.status == .unauthorized)
            #expect(garbage.headers[.wwwAuthenticate] == "Bearer")
            // a token of alpha is worthless on beta
            #expect(try await post("/beta/api/v1/plans/commitments/2/updates", token: token, json: update).status == .unauthorized)

            let tokenID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM api_token WHERE name = 'Tableur du service'") } ?? 0
            #expect(try await editor.post("/alpha/admin/tokens/\(tokenID)/revoke", []).status == .seeOther)
            #expect(try await post("/alpha/api/v1/plans/commitments/2/updates", token: token, json: update).status == .unauthorized)
        }
        let stored = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT token_hash FROM api_token") }
        #expect(stored.allSatisfy { $0.count == 64 && !$0.hasPrefix("oc_") })
        let updates = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT text FROM progress_update WHERE text LIKE '%tableur%'") }
        #expect(updates.count == 1)
        let audit = try await host.read("alpha") { db in try String.fetchAll(db, sql: "SELECT actor_name FROM audit_log WHERE action = 'progress'") }
        #expect(audit.contains("Editor"))
    }

    @Test func queryValuesOutsideTheDocumentAre400() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var reader = Browser(client)
            for path in ["/alpha/api/v1/pages?locale=xx", "/alpha/api/v1/pages?page=100001", "/alpha/api/v1/pages?per_page=0",
                         "/alpha/api/v1/dashboard?year=null", "/alpha/api/v1/dashboard?year=2024&year=2025", "/alpha/dashboard?year=1850"] {
                let answer = try await reader.get(path)
                #expect(answer.status == .badRequest, "\(path)")
            }
            #expect(try await reader.get("/alpha/api/v1/pages?locale=ar").status == .ok)
            #expect(try await reader.get("/alpha/api/v1/dashboard?year=2026").status == .ok)
            #expect(try await reader.get("/alpha/api/v1/pages?locale=xx").body.contains("locale must be one of fr, ar, en"))
        }
    }
}
