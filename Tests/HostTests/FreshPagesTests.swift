import CivicSDK
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// No stale page, ever: after each kind of change, the next read by anyone (anonymous or signed in,
/// every page served from the cache before the change) shows it.
@Suite struct FreshPagesTests {
    private func host() async throws -> TestHost {
        let host = try await TestHost()
        for module in ["plans", "reports", "consultations", "instances", "pages"] { try await host.enable(module, on: "alpha", withSample: true) }
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        try await host.createAccount(tenant: "alpha", email: "reader@alpha.test", grants: [RoleGrant(.citizen)])
        return host
    }

    /// Reads `paths` as an anonymous visitor and as a signed-in citizen (each twice: the second
    /// comes from the cache), runs `change`, then checks each reader's next read with `shows`.
    private func afterChange(_ host: TestHost, client: any TestClientProtocol, paths: [String], change: (inout Browser) async throws -> Void,
                             shows: (_ path: String, _ before: String, _ after: String) -> Bool) async throws {
        var anonymous = Browser(client), citizen = Browser(client), staff = Browser(client)
        try await citizen.signIn("/alpha", email: "citizen@alpha.test")
        try await staff.signIn("/alpha", email: "admin@alpha.test")
        var before: [String: String] = [:]
        for path in paths {
            for reader in [0, 1] {
                for _ in 0..<2 { before["\(reader)\(path)"] = reader == 0 ? try await anonymous.get(path).body : try await citizen.get(path).body }
            }
        }
        try await change(&staff)
        for path in paths {
            let anonymousAfter = try await anonymous.get(path).body, citizenAfter = try await citizen.get(path).body
            #expect(shows(path, before["0\(path)"]!, anonymousAfter), "anonymous \(path)")
            #expect(shows(path, before["1\(path)"]!, citizenAfter), "signed-in \(path)")
        }
    }

    @Test func aComment() async throws {
        let host = try await host()
        try await host.test { client in
            try await afterChange(host, client: client, paths: ["/alpha/plans/2", "/alpha/feedback/on/plans/commitment:2", "/alpha/feedback"]) { staff in
                try await staff.get("/alpha/plans/2")
                let status = try await staff.post("/alpha/feedback", [("module", "plans"), ("item", "commitment:2"), ("kind", "comment"),
                                                                 ("body", "Un commentaire tout frais"), ("website", "")]).status

                #expect(status == .seeOther)
            } shows: { path, before, after in
                path.hasSuffix("/feedback") ? after != before : after.contains("Un commentaire tout frais")
            }
        }
    }

    @Test func anAnswerToASuggestion() async throws {
        let host = try await host()
        try await host.test { client in
            var author = Browser(client)
            try await author.signIn("/alpha", email: "reader@alpha.test")
            try await author.get("/alpha/plans/2")
            #expect(try await author.post("/alpha/feedback", [("module", "plans"), ("item", "commitment:2"), ("kind", "suggestion"),
                                                              ("body", "Publier les horaires"), ("website", "")]).status == .seeOther)
            let id = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM feedback") } ?? 0
            try await afterChange(host, client: client, paths: ["/alpha/feedback/on/plans/commitment:2", "/alpha/feedback/\(id)"]) { staff in
                try await staff.get("/alpha/feedback/\(id)")
                let status = try await staff.post("/alpha/feedback/\(id)/respond", [("outcome", "adopted"), ("reason.fr", "Les horaires sont en ligne."),
                                                                              ("incomplete_ok", "1")]).status

                #expect(status == .seeOther)
            } shows: { _, _, after in after.contains("Les horaires sont en ligne.") }
        }
    }

    @Test func aProgressUpdate() async throws {
        let host = try await host()
        let (commitmentID, activityID) = try await host.read("alpha") { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2") ?? 0, try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM activity") ?? 0)
        }
        try await host.test { client in
            try await afterChange(host, client: client, paths: ["/alpha/plans/2", "/alpha/plans"]) { staff in
                try await staff.get("/alpha/admin/plans/commitments/\(commitmentID)")
                let status = try await staff.postMultipart("/alpha/admin/plans/commitments/\(commitmentID)/updates",
                                                      [("date", "2026-10-15"), ("text.fr", "Le site est en ligne."), ("activity", String(activityID)),
                                                       ("new_progress", "100"), ("new_status", "completed")],
                                                      files: []).status

                #expect(status == .seeOther)
            } shows: { path, before, after in path.hasSuffix("/2") ? after.contains("Le site est en ligne.") : after != before }
        }
    }

    @Test func aReportPublished() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/new")
            let created = try await editor.postMultipart("/alpha/admin/reports", [("title.fr", "Rapport tout neuf"), ("summary.fr", "Bilan"), ("type", "annual_report"),
                                                                                   ("year", "2025"), ("languages", "fr")],
                                                         files: [.init(field: "files", filename: "rapport.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)])
            #expect(created.status == .seeOther)
            let id = try #require(created.location?.split(separator: "?").first?.split(separator: "/").last.map(String.init))
            try await afterChange(host, client: client, paths: ["/alpha/reports", "/alpha/", "/alpha/dashboard"]) { staff in
                try await staff.get("/alpha/admin/reports/\(id)")
                let status = try await staff.post("/alpha/admin/reports/\(id)/publish", [("published_on", "2026-02-10")]).status

                #expect(status == .seeOther)
            } shows: { path, before, after in path.hasSuffix("/reports") ? after.contains("Rapport tout neuf") : after != before }
        }
    }

    @Test func aConsultationAnswer() async throws {
        let host = try await host()
        try await host.test { client in
            try await afterChange(host, client: client, paths: ["/alpha/consultations"]) { _ in
                var respondent = Browser(client)
                // an anonymous answer's form is shared by every visitor: the browser's Fetch Metadata guards it
                respondent.headers = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
                let sent = try await respondent.post("/alpha/consultations/1/answer", [("q2-1", "2"), ("q2-2", "1"), ("q2-3", "3"), ("q3", "4"), ("q4", "4"),
                                                                                     ("q6", "yes"), ("q7", "Plus de réunions")], csrf: "")
                #expect(sent.status == .seeOther, "\(sent.body)")
            } shows: { _, before, after in after != before }
        }
    }

    @Test func anInstancesOpinionSeenByItsCommune() async throws {
        let host = try await host()
        try await host.test { client in
            try await afterChange(host, client: client, paths: ["/alpha/instances", "/alpha/search?q=jeunesse"]) { _ in
                var youth = Browser(client)
                try await youth.signIn("/alpha-youth", email: "editor@youth.test")
                try await youth.get("/alpha-youth/admin/instances/opinions/new")
                let status = try await youth.post("/alpha-youth/admin/instances/opinions/new", [("title.fr", "Avis sur la jeunesse sportive"), ("adopted_on", "2026-01-10"),
                                                                                          ("body.fr", "Ouvrir les terrains."), ("incomplete_ok", "1")]).status

                #expect(status == .seeOther)
            } shows: { path, before, after in path.contains("search") ? after.contains("Avis sur la jeunesse sportive") : after != before }
        }
    }

    @Test func aModuleDisabled() async throws {
        let host = try await host()
        try await host.test { client in
            try await afterChange(host, client: client, paths: ["/alpha/", "/alpha/plans/2"]) { staff in
                try await staff.get("/alpha/admin/modules")
                let status = try await staff.post("/alpha/admin/modules/reports/disable", []).status

                #expect(status == .seeOther)
            } shows: { _, before, after in before.contains("href=\"/alpha/reports\"") && !after.contains("href=\"/alpha/reports\"") }
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/reports").status == .notFound)
        }
    }

    @Test func theTenantsNameAndSettings() async throws {
        let host = try await host()
        try await host.test { client in
            try await afterChange(host, client: client, paths: ["/alpha/", "/alpha/plans/2", "/alpha-youth/"]) { staff in
                try await staff.get("/alpha/admin/settings")
                let status = try await staff.post("/alpha/admin/settings", [("name.fr", "Commune Alpha-Renommée"), ("name.ar", "جماعة ألفا"), ("name.en", "Alpha"),
                                                                       ("locales", "fr"), ("locales", "ar"), ("locales", "en"), ("default_locale", "fr"),
                                                                       ("accent", "#0b5cad"), ("logo", "")]).status

                #expect(status == .seeOther)
            } shows: { _, _, after in after.contains("Commune Alpha-Renommée") }
        }
    }
}
