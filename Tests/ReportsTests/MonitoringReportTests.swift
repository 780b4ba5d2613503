import CivicSDK
import Foundation
import GRDB
import HTTPTypes
import Testing
import TestSupport

/// The monitoring report in one click: generated from the platform's data, previewed, published frozen
/// into the archive and counted; a later correction of the data shows as a correction.
@Suite struct MonitoringReportTests {
    private func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.enable("consultations", on: "alpha", withSample: true)
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        return host
    }

    private func reports(_ host: TestHost) async throws -> Int {
        try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report") ?? -1 }
    }

    private static let form: [(String, String)] = [
        ("preset", "year"), ("year", "2024"), ("type", "annual_report"),
        ("introduction.fr", "Ce rapport présente **l'année 2024**."), ("introduction.ar", "يقدم هذا التقرير سنة 2024."),
        ("conclusions.fr", "La commune poursuit ses engagements."),
    ]

    @Test func aReportIsPreviewedThenPublishedFrozenAndCounted() async throws {
        let host = try await host()
        let before = try await reports(host)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let form = try await editor.get("/alpha/admin/reports/monitoring")
            #expect(form.status == .ok && form.body.contains("name=\"introduction.fr\""))
            #expect(try await editor.get("/alpha/admin/reports").body.contains("/alpha/admin/reports/monitoring"))

            let preview = try await editor.post("/alpha/admin/reports/monitoring", Self.form + [("step", "preview")])
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Aperçu"))
            #expect(preview.body.contains("<strong>l&#39;année 2024</strong>") || preview.body.contains("<strong>l'année 2024</strong>"), "Markdown rendered")
            for heading in ["Avancement du plan", "Budget", "Indicateurs", "Contributions des citoyens", "Rapports publiés"] {
                #expect(preview.body.contains(heading), "section \(heading)")
            }
            #expect(preview.body.contains("Rapport de suivi du plan d’action — 2024"), "the default title")
            #expect(try await reports(host) == before, "a preview stores nothing")
            // the instance's recent meetings and opinions are in a report of the last months, under its name
            let today = try #require(host.tenant("alpha")).today
            let recent = try await editor.post("/alpha/admin/reports/monitoring", [("preset", "custom"), ("start", "\(Int(today.prefix(4))! - 1)-01-01"),
                                                                                    ("end", today), ("type", "annual_report"), ("step", "preview")])
            #expect(recent.status == .ok && recent.body.contains("Instance jeunesse — Avis et réunions de l’instance"))

            let published = try await editor.post("/alpha/admin/reports/monitoring", Self.form + [("step", "publish")])
            #expect(published.status == .seeOther)
            let location = try #require(published.headers[.location])
            let id = try #require(Int64(location.split(separator: "?")[0].split(separator: "/").last.map(String.init) ?? ""))

            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/reports/\(id)")
            #expect(page.status == .ok && page.body.contains("/alpha/reports/\(id)/read"))
            let read = try await visitor.get("/alpha/reports/\(id)/read")
            #expect(read.status == .ok)
            #expect(read.body.contains("<article class=\"monitoring-report\" lang=\"fr\" dir=\"ltr\">"))
            #expect(read.body.contains("La commune poursuit ses engagements."))
            #expect(read.body.contains("Valeur publiée") && !read.body.contains("Valeur corrigée depuis"))
            let arabic = try await visitor.get("/alpha/reports/\(id)/read?lang=ar")
            #expect(arabic.body.contains("<article class=\"monitoring-report\" lang=\"ar\" dir=\"rtl\">") && arabic.body.contains("يقدم هذا التقرير سنة 2024."))
            let csv = try await visitor.get("/alpha/reports/\(id)/figures.csv")
            #expect(csv.body.contains("reports.published,2024-12-31,1,"), "the sample report of 2023 was out by the end of 2024")

            // counted by the result indicator: one more report published, today
            let dashboard = try await visitor.get("/alpha/api/v1/dashboard").body
            #expect(dashboard.contains("\"id\":\"reports.published\""))
            let figures = try JSONSerialization.jsonObject(with: Data(dashboard.utf8)) as? [String: Any]
            let published2 = (figures?["figures"] as? [[String: Any]])?.first { $0["id"] as? String == "reports.published" }?["value"] as? Double
            #expect(published2 == 2)
        }
        #expect(try await reports(host) == before + 1)
        let stored = try await host.read("alpha") { db in try String.fetchOne(db, sql: "SELECT content FROM report_generated") ?? "" }
        #expect(stored.contains("\"start\":\"2024-01-01\"") && stored.contains("\"ar\":["), "content frozen in every language")
    }

    @Test func dataCorrectedAfterPublicationShowsAsACorrection() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/monitoring")
            let published = try await editor.post("/alpha/admin/reports/monitoring", Self.form + [("step", "publish")])
            let id = try #require(published.headers[.location]?.split(separator: "?")[0].split(separator: "/").last.map(String.init))
            // a paper suggestion of May 2024 is entered afterwards
            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            try await moderator.get("/alpha/admin/feedback/new")
            #expect(try await moderator.post("/alpha/admin/feedback/new", [("subject", "core:general"), ("kind", "suggestion"), ("channel", "paper"),
                                                                           ("received_on", "2024-05-10"), ("body", "Registre de mai")]).status == .seeOther)
            var visitor = Browser(client)
            let read = try await visitor.get("/alpha/reports/\(id)/read").body
            #expect(read.contains("Valeur corrigée depuis"))
            let csv = try await visitor.get("/alpha/reports/\(id)/figures.csv").body
            #expect(csv.contains("feedback.received,2024-12-31,0,"), "the published figure stays as published")
        }
    }

    @Test func badInputIsRefusedAndNothingIsStored() async throws {
        let host = try await host()
        let before = try await reports(host)
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/monitoring")
            let future = try await editor.post("/alpha/admin/reports/monitoring", [("preset", "year"), ("year", "2199"), ("type", "annual_report"), ("step", "publish")])
            #expect(future.status == .badRequest && future.body.contains("La période doit être terminée"))
            let reversed = try await editor.post("/alpha/admin/reports/monitoring", [("preset", "custom"), ("start", "2024-06-30"), ("end", "2024-01-01"),
                                                                                     ("type", "annual_report"), ("step", "publish")])
            #expect(reversed.status == .badRequest && reversed.body.contains("value=\"2024-06-30\""), "the form comes back as typed")
            #expect(try await editor.post("/alpha/admin/reports/monitoring", [("preset", "decade"), ("type", "annual_report")]).status == .badRequest)
            #expect(try await editor.post("/alpha/admin/reports/monitoring", [("preset", "year"), ("year", "2024"), ("type", "novel")]).status == .badRequest)
            #expect(try await editor.post("/alpha/admin/reports/monitoring", Self.form + [("step", "publish")], csrf: "forged").status == .forbidden)
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.get("/alpha/admin/reports/monitoring").status == .forbidden)
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/reports/1/read").status == .notFound, "a report written by hand has no generated version")
            #expect(try await visitor.get("/alpha/reports/999/figures.csv").status == .notFound)
            #expect(try await visitor.get("/beta/reports/1/read").status == .notFound, "another tenant")
        }
        #expect(try await reports(host) == before)
    }
}
