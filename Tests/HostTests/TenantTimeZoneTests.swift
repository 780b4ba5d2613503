import CivicSDK
import Foundation
import GRDB
import Testing
import TestSupport

/// One time zone per commune, chosen in its settings: forms read times in it and every page shows
/// them in it; its instances follow it; Arabic month names and digits are its choice too.
@Suite struct TenantTimeZoneTests {
    /// A published consultation opening at 08:30 UTC on 1 June 2031 (09:30 in Casablanca, 10:30 in Paris).
    static func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("consultations", on: "alpha")
        try await host.write("alpha") { db in
            try db.execute(sql: """
                INSERT INTO consultation (id, title, description, subject, opens_at, closes_at, audience, status, sample, created_at, updated_at)
                VALUES (1, '{"fr":"Budget","ar":"الميزانية"}', '{}', NULL, '2031-06-01 08:30:00.000', '2031-07-01 08:30:00.000', 'anyone',
                        'published', 0, datetime('now'), datetime('now'))
                """)
        }
        return host
    }

    @Test func pagesShowTimesInTheCommunesZoneAndFormsReadThem() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/consultations/1")
            #expect(page.body.contains("<time datetime=\"2031-06-01T09:30:00+01:00\">1er juin 2031 à 09:30</time>"))
            #expect(!page.body.contains("UTC"))
            let arabic = try await visitor.get("/alpha/consultations/1?lang=ar")
            #expect(arabic.body.contains("1 يونيو 2031 09:30"))

            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            let settings = try await admin.get("/alpha/admin/settings")
            #expect(settings.body.contains("<option value=\"Africa/Casablanca\" selected>"))
            let saved = try await admin.post("/alpha/admin/settings", [("name.fr", "Commune Alpha"), ("locales", "fr"), ("locales", "ar"),
                                                                       ("default_locale", "fr"), ("accent", "#0b5cad"), ("logo", ""),
                                                                       ("time_zone", "Europe/Paris"), ("arabic_months", "mashriq"), ("digits", "eastern")])
            #expect(saved.status == .seeOther)
            let moved = try await visitor.get("/alpha/consultations/1?lang=fr")
            #expect(moved.body.contains("1er juin 2031 à 10:30"), "the same instant, read in Paris (summer time)")
            let eastern = try await visitor.get("/alpha/consultations/1?lang=ar")
            #expect(eastern.body.contains("١ يونيو، ٢٠٣١"), "Eastern digits and Mashriq forms on Arabic pages")

            // the console's form shows and reads Paris time: 10:30 typed back stays the same instant
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let form = try await editor.get("/alpha/admin/consultations/1")
            #expect(form.body.contains("value=\"2031-06-01T10:30\""))
            #expect(form.body.contains("Europe/Paris"), "the help says which zone the fields are in")
        }
        let audit = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'settings' AND changes LIKE '%Paris%'") }
        #expect(audit == 1, "the change is in the history")
    }

    @Test func aConsultationTypedInLocalTimeIsStoredInUTC() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/consultations/new")
            let created = try await editor.post("/alpha/admin/consultations/new", [
                ("title.fr", "Horaires"), ("opens_at", "2031-06-01T09:30"), ("closes_at", "2031-06-30T18:00"), ("audience", "anyone"), ("status", "draft"),
            ])
            #expect(created.status == .seeOther)
        }
        let opens = try await host.read("alpha") { db in try Date.fetchOne(db, sql: "SELECT opens_at FROM consultation WHERE id <> 1") }
        #expect(opens == (try Date("2031-06-01T08:30:00Z", strategy: .iso8601)))
    }

    @Test func badZonesAreRefusedAndInstancesFollowTheirCommune() async throws {
        let host = try await Self.host()
        try await host.createAccount(tenant: "alpha-youth", email: "admin@youth.test", grants: [RoleGrant(.admin)])
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let base = [("name.fr", "Commune Alpha"), ("locales", "fr"), ("default_locale", "fr"), ("accent", "#0b5cad"), ("logo", "")]
            let mars = try await admin.post("/alpha/admin/settings", base + [("time_zone", "Mars/Olympus")])
            #expect(mars.status == .badRequest)
            #expect(mars.body.contains("Choisissez un fuseau horaire"))
            let roman = try await admin.post("/alpha/admin/settings", base + [("digits", "roman")])
            #expect(roman.status == .badRequest)
            #expect(try await admin.post("/alpha/admin/settings", base + [("time_zone", "Europe/Paris")], csrf: "").status == .forbidden)
            #expect(try await admin.post("/alpha/admin/settings", base + [("time_zone", "America/Montreal")]).status == .seeOther)

            var youth = Browser(client)
            try await youth.signIn("/alpha-youth", email: "admin@youth.test")
            let page = try await youth.get("/alpha-youth/admin/settings")
            #expect(!page.body.contains("name=\"time_zone\""), "an instance has no zone of its own to choose")
            #expect(page.body.contains("America/Montreal"), "it says it follows its commune's")
            #expect(try await youth.post("/alpha-youth/admin/settings", [("name.fr", "Jeunesse"), ("locales", "fr"), ("default_locale", "fr"),
                                                                        ("accent", "#0b5cad"), ("logo", ""), ("time_zone", "Asia/Tokyo")]).status == .seeOther)
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await citizen.get("/alpha/admin/settings").status == .forbidden)
        }
        #expect(host.tenant("alpha-youth")?.formats.timeZone == "America/Montreal", "the instance took its commune's zone, not the one it sent")
    }
}
