import CivicSDK
import Foundation
import GRDB
import HummingbirdTesting
import Testing
@testable import TestSupport
@testable import OpenCommune

/// Each module's followable things and their news: the reports archive hears of a report published,
/// the consultations of one opened, an instance of its opinions; a follower of one hears nothing of another.
@Suite struct ModuleNewsTests {
    static func told(_ host: TestHost, _ tenant: String, _ email: String) async throws -> [ReceivedMail] {
        try await host.services.mail.deliverDue(tenant)
        return ReceivedMail.all(in: host.dataDirectory + "/\(tenant)/outbox").filter { $0.headers["to"]?.contains("<\(email)>") == true }
    }

    @Test func theReportsArchiveAndTheConsultationsAreFollowedApart() async throws {
        let host = try await TestHost()
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.enable("consultations", on: "alpha")
        try await host.createAccount(tenant: "alpha", email: "reader@alpha.test", grants: [RoleGrant(.citizen)])
        try await host.test { client in
            var citizen = Browser(client), reader = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await reader.signIn("/alpha", email: "reader@alpha.test")
            try await citizen.get("/alpha/reports")
            #expect(try await citizen.post("/alpha/account/follow", [("subject", "reports:archive:all")]).location == "/alpha/reports?done=followed")
            try await reader.get("/alpha/consultations")
            #expect(try await reader.post("/alpha/account/follow", [("subject", "consultations:list:all")]).location == "/alpha/consultations?done=followed")

            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/reports/new")
            let created = try await editor.postMultipart("/alpha/admin/reports", [("title.fr", "Rapport de suivi 2026"), ("summary.fr", "Bilan de l'année"),
                                                                                  ("type", "annual_report"), ("year", "2026"), ("languages", "fr")],
                                                         files: [.init(field: "files", filename: "rapport.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)])
            let id = try #require(created.location?.split(separator: "?").first?.split(separator: "/").last.map(String.init))
            #expect(try await Self.told(host, "alpha", "citizen@alpha.test").isEmpty, "a draft is news to nobody")
            try await editor.get("/alpha/admin/reports/\(id)")
            #expect(try await editor.post("/alpha/admin/reports/\(id)/publish", [("published_on", "2026-11-30")]).status == .seeOther)
            let report = try await Self.told(host, "alpha", "citizen@alpha.test")
            #expect(report.count == 1 && report[0].text.contains("Nouveau rapport publié") && report[0].link(containing: "/alpha/reports/\(id)") != nil)

            try await editor.get("/alpha/admin/consultations/new")
            #expect(try await editor.post("/alpha/admin/consultations/new", [
                ("title.fr", "Budget participatif"), ("description.fr", "Votre avis"), ("opens_at", "2020-01-01T00:00"), ("closes_at", "2099-01-01T00:00"),
                ("audience", "anyone"), ("status", "open"),
            ]).status == .seeOther)
            let consultation = try await Self.told(host, "alpha", "reader@alpha.test")
            #expect(consultation.count == 1 && consultation[0].subject.contains("Budget participatif") && consultation[0].text.contains("Nouvelle consultation ouverte"))
            #expect(try await Self.told(host, "alpha", "citizen@alpha.test").count == 1, "the archive's follower heard only of the report")
            #expect(try await Self.told(host, "alpha", "reader@alpha.test").count == 1, "and the consultations' follower only of the consultation")
        }
    }

    @Test func anInstancesFollowersHearOfItsOpinionsAndMeetings() async throws {
        let host = try await TestHost()
        try await host.enable("instances", on: "alpha")
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        try await host.createAccount(tenant: "alpha-youth", email: "member@youth.test", grants: [RoleGrant(.citizen)])
        try await host.test { client in
            var member = Browser(client)
            try await member.signIn("/alpha-youth", email: "member@youth.test")
            let page = try await member.get("/alpha-youth/instances")
            #expect(page.body.contains("value=\"instances:profile:1\""))
            #expect(try await member.post("/alpha-youth/account/follow", [("subject", "instances:profile:1")]).status == .seeOther)

            var editor = Browser(client)
            try await editor.signIn("/alpha-youth", email: "editor@youth.test")
            try await editor.get("/alpha-youth/admin/instances/opinions/new")
            #expect(try await editor.post("/alpha-youth/admin/instances/opinions/new", [("title.fr", "Avis sur le budget jeunesse"), ("adopted_on", "2025-01-10"),
                                                                                        ("body.fr", "Doubler le budget jeunesse.")]).status == .seeOther)
            let mails = try await Self.told(host, "alpha-youth", "member@youth.test")
            #expect(mails.count == 1 && mails[0].text.contains("Nouvel avis adopté") && mails[0].subject.contains("Avis sur le budget jeunesse"))
        }
    }
}
