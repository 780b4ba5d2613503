import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Consultative instances through HTTP: each manages its own section and nothing else (both
/// directions, siblings included), bad input is refused whole, and the commune shows its instances.
/// `alpha-youth` is an instance of `alpha`; editor@youth.test edits it.
@Suite struct InstancesTests {
    static func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("instances", on: "alpha")
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        return host
    }

    static func count(_ host: TestHost, _ table: String, _ tenant: String = "alpha-youth") async throws -> Int {
        try await host.read(tenant) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    static func files(_ host: TestHost, _ tenant: String = "alpha-youth") -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: "\(host.dataDirectory)/\(tenant)/files")) ?? []
    }

    static let meeting: [(String, String)] = [("starts_at", "2030-03-14T18:30"), ("place.fr", "Maison des jeunes"), ("agenda.fr", "Budget jeunesse"),
                                              ("status", "planned"), ("attendance", "")]

    @Test func instanceEditorsManageOnlyTheirOwnSection() async throws {
        let host = try await Self.host()
        try host.createInstance("alpha-elders", name: "Conseil des aînés", parent: "alpha", modules: ["instances"])
        try await host.test { client in
            var youth = Browser(client)
            try await youth.signIn("/alpha-youth", email: "editor@youth.test")
            #expect(try await youth.get("/alpha-youth/admin/instances/meetings/new").status == .ok)
            #expect(try await youth.post("/alpha-youth/admin/instances/meetings/new", Self.meeting).status == .seeOther)
            // not the parent commune, not a sibling instance: no session there, nothing changes
            #expect(try await youth.get("/alpha/admin/pages").status == .unauthorized)
            #expect(try await youth.get("/alpha-elders/admin/instances").status == .unauthorized)
            #expect(try await youth.post("/alpha-elders/admin/instances/meetings/new", Self.meeting).status != .seeOther)
            #expect(try await youth.post("/alpha/admin/pages", [("slug", "x"), ("title.fr", "X")]).status != .seeOther)

            // and the reverse: the commune's editor and admin hold nothing in the instance
            var communeEditor = Browser(client)
            try await communeEditor.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await communeEditor.get("/alpha-youth/admin/instances").status == .unauthorized)
            #expect(try await communeEditor.post("/alpha-youth/admin/instances/meetings/new", Self.meeting).status != .seeOther)
            var communeAdmin = Browser(client)
            try await communeAdmin.signIn("/alpha", email: "admin@alpha.test")
            #expect(try await communeAdmin.get("/alpha-youth/admin").status == .unauthorized)
            // the commune has no instance section of its own to edit
            #expect(try await communeAdmin.get("/alpha/admin/instances").status == .notFound)
        }
        #expect(try await Self.count(host, "instance_meeting") == 3)
        #expect(try await Self.count(host, "instance_meeting", "alpha-elders") == 0)
        #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") } == 0)
    }

    @Test func badMeetingsMembersAndFilesAreRefusedWhole() async throws {
        let host = try await Self.host()
        let meetingsBefore = try await Self.count(host, "instance_meeting"), membersBefore = try await Self.count(host, "instance_member")
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha-youth", email: "editor@youth.test")
            try await editor.get("/alpha-youth/admin/instances/meetings/new")
            let badDate = try await editor.post("/alpha-youth/admin/instances/meetings/new",
                                                Self.meeting.map { $0.0 == "starts_at" ? ($0.0, "2030-02-30T18:30") : $0 })
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.body.contains("2030-02-30T18:30"))
            #expect(badDate.body.contains("AAAA-MM-JJTHH:MM"))
            let attendance = try await editor.post("/alpha-youth/admin/instances/meetings/new",
                                                   Self.meeting.map { $0.0 == "attendance" ? ($0.0, "12") : $0 })
            #expect(attendance.status == .unprocessableContent)
            let negative = try await editor.post("/alpha-youth/admin/instances/meetings/new",
                                                 Self.meeting.map { $0.0 == "attendance" ? ($0.0, "-3") : ($0.0 == "status" ? ($0.0, "held") : $0) })
            #expect(negative.status == .unprocessableContent)
            let wrongFile = try await editor.postMultipart("/alpha-youth/admin/instances/meetings/new",
                                                           Self.meeting.map { $0.0 == "status" ? ($0.0, "held") : $0 },
                                                           files: [.init(field: "minutes_file", filename: "minutes.pdf", contentType: "application/pdf",
                                                                         bytes: Array("not a pdf at all".utf8))])
            #expect(wrongFile.status == .unprocessableContent)

            try await editor.get("/alpha-youth/admin/instances/members/new")
            let order = try await editor.post("/alpha-youth/admin/instances/members/new", [("name", "Sara"), ("role", "member"),
                                                                                             ("started_on", "2024-05-01"), ("ended_on", "2023-01-01")])
            #expect(order.status == .unprocessableContent)
            #expect(order.body.contains("Sara"))
            let noAlt = try await editor.postMultipart("/alpha-youth/admin/instances/members/new",
                                                       [("name", "Sara"), ("role", "member"), ("started_on", "2024-05-01")],
                                                       files: [.init(field: "photo", filename: "sara.png", contentType: "image/png", bytes: SampleFiles.png)])
            #expect(noAlt.status == .unprocessableContent)
            let unknownRole = try await editor.post("/alpha-youth/admin/instances/members/new", [("name", "Sara"), ("role", "king"), ("started_on", "2024-05-01")])
            #expect(unknownRole.status == .unprocessableContent)
        }
        #expect(try await Self.count(host, "instance_meeting") == meetingsBefore)
        #expect(try await Self.count(host, "instance_member") == membersBefore)
        #expect(Self.files(host).isEmpty, "no file is kept from a refused form")
    }

    @Test func membersMeetingsAndOpinionsArePublishedWithTheirFiles() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha-youth", email: "editor@youth.test")
            try await editor.get("/alpha-youth/admin/instances/members/new")
            #expect(try await editor.postMultipart("/alpha-youth/admin/instances/members/new",
                                                   [("name", "Sara Amrani"), ("role", "president"), ("started_on", "2024-05-01"),
                                                    ("quality.fr", "Étudiante"), ("photo_alt.fr", "Sara Amrani, souriante, devant la maison des jeunes")],
                                                   files: [.init(field: "photo", filename: "sara.png", contentType: "image/png", bytes: SampleFiles.png)]).status
                    == .seeOther)
            try await editor.get("/alpha-youth/admin/instances/meetings/new")
            #expect(try await editor.postMultipart("/alpha-youth/admin/instances/meetings/new",
                                                   [("starts_at", "2025-01-10T10:00"), ("place.fr", "Mairie"), ("agenda.fr", "Priorités 2025"),
                                                    ("status", "held"), ("attendance", "11"), ("minutes_text.fr", "Adopté.")],
                                                   files: [.init(field: "minutes_file", filename: "pv.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf)]).status
                    == .seeOther)
            try await editor.get("/alpha-youth/admin/instances/opinions/new")
            #expect(try await editor.post("/alpha-youth/admin/instances/opinions/new", [("title.fr", "Avis sur le budget jeunesse"), ("adopted_on", "2999-01-01"),
                                                                                        ("body.fr", "Texte")]).status == .unprocessableContent)
            #expect(try await editor.post("/alpha-youth/admin/instances/opinions/new", [("title.fr", "Avis sur le budget jeunesse"), ("adopted_on", "2025-01-10"),
                                                                                        ("body.fr", "Doubler le budget jeunesse.")]).status == .seeOther)
            let opinionID = try await host.read("alpha-youth") { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM instance_opinion") } ?? 0
            try await editor.get("/alpha-youth/admin/instances/opinions/\(opinionID)")
            #expect(try await editor.post("/alpha-youth/admin/instances/opinions/\(opinionID)/follow-up",
                                          [("follow_up", "not_taken"), ("follow_up_on", "2025-02-01")]).status == .unprocessableContent)
            let held = try await editor.post("/alpha-youth/admin/instances/opinions/\(opinionID)/follow-up",
                                             [("follow_up", "not_taken"), ("follow_up_on", "2025-02-01"), ("follow_up_reason.fr", "Budget déjà voté.")])
            #expect(held.status == .unprocessableContent, "a follow-up in French only waits for confirmation")
            #expect(held.body.contains("Il manque\u{00A0}: العربية, English") && held.body.contains("Budget déjà voté.</textarea>"))
            #expect(try await editor.post("/alpha-youth/admin/instances/opinions/\(opinionID)/follow-up",
                                          [("follow_up", "not_taken"), ("follow_up_on", "2025-02-01"), ("follow_up_reason.fr", "Budget déjà voté."),
                                           ("incomplete_ok", "1")]).status == .seeOther)

            var visitor = Browser(client)
            let members = try await visitor.get("/alpha-youth/instances/members")
            #expect(members.body.contains("Sara Amrani"))
            #expect(members.body.contains("alt=\"Sara Amrani, souriante, devant la maison des jeunes\""))
            // the sample's past member stays listed among past members
            #expect(members.body.contains("Ancien membre (exemple)"))
            let meetings = try await visitor.get("/alpha-youth/instances/meetings")
            #expect(meetings.body.contains("<time datetime=\"2025-01-10T10:00:00+01:00\">10 janvier 2025 à 10:00</time>"))
            let opinion = try await visitor.get("/alpha-youth/instances/opinions/\(opinionID)")
            #expect(opinion.body.contains("Non pris en compte"))
            #expect(opinion.body.contains("Budget déjà voté."))
            // citizens may comment on it (this tenant asks them to sign in first)
            #expect(opinion.body.contains("id=\"feedback-title\""))
            let figures = try await visitor.get("/alpha-youth/")
            #expect(figures.body.contains("Avis suivis par la commune"))
            let csv = try await visitor.get("/alpha-youth/instances/opinions.csv")
            #expect(csv.body.contains("not_taken"))
            let api = try await visitor.get("/alpha-youth/api/v1/instances")
            #expect(api.body.contains("\"kind\":\"instance\""))
            #expect(api.body.contains("Sara Amrani"))
        }
        #expect(Self.files(host).count == 2)
        let audit = try await host.read("alpha-youth") { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE module = 'instances' AND item_type = 'opinion' ORDER BY id")
        }
        #expect(audit.suffix(2) == ["create", "follow_up"])
    }

    @Test func calendarAndFeedsAreWellFormed() async throws {
        let host = try await Self.host()
        try await host.write("alpha-youth") { db in
            try db.execute(sql: """
                INSERT INTO instance_meeting (starts_at, place, agenda, status, minutes_text, sample, updated_at)
                VALUES ('2031-06-01T09:30', '{"fr":"Salle 1, bâtiment B; étage 2"}', '{"fr":"\(String(repeating: "Très long ordre du jour, ", count: 8))"}',
                        'planned', '{}', 0, datetime('now'))
                """)
        }
        try await host.test { client in
            var visitor = Browser(client)
            let calendar = try await visitor.get("/alpha-youth/instances/meetings.ics")
            #expect(calendar.status == .ok)
            #expect(calendar.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(calendar.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(calendar.body.contains("DTSTART:20310601T083000Z\r\n"), "09:30 in Casablanca (UTC+1 in June), written in UTC")
            #expect(calendar.body.contains("LOCATION:Salle 1\\, bâtiment B\\; étage 2"))
            for line in calendar.body.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
            // past meetings are not in the calendar of upcoming ones
            #expect(!calendar.body.contains("Avis sur l'accessibilité"))
            let feed = try await visitor.get("/alpha-youth/instances/feed.atom")
            #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            #expect(feed.body.contains("urn:opencommune:alpha-youth:opinion:1"))
            #expect(try await visitor.get("/alpha/instances/meetings.ics").status == .notFound)
        }
    }

    @Test func theCommuneListsItsInstancesAndStaysCurrent() async throws {
        let host = try await Self.host()
        try await host.test { client in
            var visitor = Browser(client)
            let list = try await visitor.get("/alpha/instances")
            #expect(list.status == .ok)
            #expect(list.body.contains("Instance jeunesse"))
            #expect(list.body.contains("<time datetime=\"2021-10-01\">1er octobre 2021</time> – <time datetime=\"2027-09-30\">30 septembre 2027</time>"))
            #expect(list.body.contains("/alpha-youth/instances"))
            let home = try await visitor.get("/alpha/")
            #expect(home.body.contains("Instance jeunesse — Prochaine réunion\u{00A0}:"))
            let api = try await visitor.get("/alpha/api/v1/instances")
            #expect(api.body.contains("\"slug\":\"alpha-youth\""))
            let youthHome = try await visitor.get("/alpha-youth/")
            #expect(youthHome.body.contains("href=\"/alpha/\""))

            // a change in the instance reaches the commune's cached page at once
            var editor = Browser(client)
            try await editor.signIn("/alpha-youth", email: "editor@youth.test")
            try await editor.get("/alpha-youth/admin/instances")
            #expect(try await editor.post("/alpha-youth/admin/instances", [("mission.fr", "Nouvelle mission"), ("mandate_start", "2024-01-01"),
                                                                           ("mandate_end", "2029-12-31")]).status == .seeOther)
            #expect(try await visitor.get("/alpha/instances").body.contains("1er janvier 2024</time> – <time datetime=\"2029-12-31\">31 décembre 2029"))
            #expect(try await editor.post("/alpha-youth/admin/instances", [("mission.fr", "M"), ("mandate_start", "2024-01-01"),
                                                                           ("mandate_end", "2020-12-31")]).status == .unprocessableContent)
        }
    }
}
