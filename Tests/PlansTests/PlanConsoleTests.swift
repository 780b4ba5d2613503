import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct PlanConsoleTests {
    private func host() async throws -> TestHost {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        return host
    }

    private func commitmentFields(number: String, title: String = "Budget ouvert", status: String = "in_progress") -> [(String, String)] {
        [("number", number), ("title.fr", title), ("principles", "transparency"), ("principles", "participation"),
         ("lead_services.fr", "Direction des finances"), ("status", status), ("completion", "limited"), ("position", "3")]
    }

    private func count(_ host: TestHost, _ table: String) async throws -> Int {
        try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    @Test func aTakenNumberIsRefusedByTheDatabaseAndNothingIsHalfSaved() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/new")
            #expect(try await editor.post("/alpha/admin/plans/commitments", commitmentFields(number: "3")).status == .seeOther)
            let commitments = try await count(host, "commitment"), audited = try await count(host, "audit_log")
            let again = try await editor.post("/alpha/admin/plans/commitments", commitmentFields(number: "3", title: "Doublon"))
            #expect(again.status == .badRequest)
            #expect(again.body.contains("porte déjà ce numéro") && again.body.contains("Doublon"))
            let id = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 3") })
            let renumbered = try await editor.post("/alpha/admin/plans/commitments/\(id)", commitmentFields(number: "2"))
            #expect(renumbered.status == .badRequest, "the sample plan already has a commitment 2")
            #expect(try await count(host, "commitment") == commitments)
            #expect(try await count(host, "audit_log") == audited, "a refused change leaves no audit entry")
        }
    }

    @Test func theHistoryShowsEachChangedFieldByItsNameBeforeAndAfter() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let id = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2") })
            try await editor.get("/alpha/admin/plans/commitments/\(id)")
            #expect(try await editor.post("/alpha/admin/plans/commitments/\(id)", commitmentFields(number: "2", title: "Suivi public renforcé", status: "completed")
                                          + [("title.ar", "تتبع عمومي معزز")]).status == .seeOther)
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/plans/2")
            #expect(page.body.contains("<th scope=\"row\">Titre (Français)</th>"), "a translation is named by its field and its language")
            #expect(page.body.contains("<td dir=\"auto\">Suivi public renforcé</td>"), "with the value after")
            #expect(page.body.contains("<th scope=\"row\">État</th><td dir=\"auto\">En cours</td><td dir=\"auto\">Achevé</td>"), "values as readers know them")
            #expect(!page.body.contains("title.fr"), "never the field as stored")
            let arabic = try await visitor.get("/alpha/plans/2?lang=ar")
            #expect(arabic.body.contains("<th scope=\"row\">العنوان (العربية)</th>"))
        }
    }

    @Test func editorCreatesPublishesAndEditsACommitment() async throws {
        let host = try await host()
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            let console = try await editor.get("/alpha/admin/plans")
            #expect(console.status == .ok)
            try await editor.get("/alpha/admin/plans/commitments/new")
            let created = try await editor.post("/alpha/admin/plans/commitments", commitmentFields(number: "3"))
            #expect(created.status == .seeOther)
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/plans/3").status == .notFound, "new commitments start unpublished")
            let id = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 3") }
            let commitmentID = try #require(id)
            try await editor.get("/alpha/admin/plans")
            #expect(try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/publish", []).status == .seeOther)
            let page = try await visitor.get("/alpha/plans/3")
            #expect(page.status == .ok)
            #expect(page.body.contains("Budget ouvert") && page.body.contains("Transparence") && page.body.contains("Direction des finances"))
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            #expect(try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)", commitmentFields(number: "3", title: "Budget participatif")).status == .seeOther)
            let edited = try await visitor.get("/alpha/plans/3")
            #expect(edited.body.contains("Budget participatif"))
            #expect(edited.body.contains("Modification"), "the public history lists the edit")
        }
        let actions = try await host.read("alpha") { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE module = 'plans' AND item_type = 'commitment' AND summary = '3' ORDER BY id")
        }
        #expect(actions == ["create", "publish", "update"])
    }

    @Test func badCommitmentInputIsRefusedAndChangesNothing() async throws {
        let host = try await host()
        let before = try await count(host, "commitment")
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/new")
            let duplicate = try await editor.post("/alpha/admin/plans/commitments", commitmentFields(number: "2"))
            #expect(duplicate.status == .badRequest)
            #expect(duplicate.body.contains("porte déjà ce numéro"))
            #expect(duplicate.body.contains("value=\"Budget ouvert\""), "what was typed is kept")
            let bad = try await editor.post("/alpha/admin/plans/commitments", commitmentFields(number: "0", title: "", status: "flying")
                                            + [("principles", "magic")])
            #expect(bad.status == .badRequest)
            for message in ["entier de 1 à 999", "Donnez un titre", "Principe OGP inconnu", "État inconnu"] {
                #expect(bad.body.contains(message), "\(message)")
            }
        }
        #expect(try await count(host, "commitment") == before)
    }

    @Test func activitiesAreValidatedAndShownOnTheTimeline() async throws {
        let host = try await host()
        let commitmentID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2") })
        let activitiesBefore = try await count(host, "activity")
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)/activities/new")
            let path = "/alpha/admin/plans/commitments/\(commitmentID)/activities"
            let reversed = try await editor.post(path, [("title.fr", "Atelier"), ("planned_start", "2025-06"), ("planned_end", "2025-01"),
                                                        ("status", "in_progress"), ("progress", "150"), ("actual_end", "2025-02")])
            #expect(reversed.status == .badRequest)
            for message in ["fin prévue précède", "entier de 0 à 100", "fin réelle suppose un début réel"] {
                #expect(reversed.body.contains(message), "\(message)")
            }
            let badMonth = try await editor.post(path, [("title.fr", "Atelier"), ("planned_start", "2025-13"), ("planned_end", "2025-14"), ("status", "in_progress")])
            #expect(badMonth.body.contains("AAAA-MM"))
            let created = try await editor.post(path, [("title.fr", "Atelier citoyen"), ("planned_start", "2026-01"), ("planned_end", "2026-06"),
                                                       ("actual_start", "2026-02"), ("status", "in_progress"), ("progress", "40")])
            #expect(created.status == .seeOther)
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("Atelier citoyen"))
            #expect(sheet.body.contains("<time datetime=\"2026-01\">janvier 2026</time> – <time datetime=\"2026-06\">juin 2026</time>"))
            #expect(sheet.body.contains("class=\"actual\""), "the actual span is drawn")
            #expect(sheet.body.contains("<span>8\u{202F}%</span>"), "progress rolls up: (0+0+0+0+40)/5")
        }
        #expect(try await count(host, "activity") == activitiesBefore + 1)
    }

    /// A refused update comes back in its own form as typed, the problem beside its field, not on another form.
    @Test func aRefusedProgressUpdateKeepsWhatWasTyped() async throws {
        let host = try await host()
        let commitmentID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2")! }
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            let refused = try await editor.postMultipart("/alpha/admin/plans/commitments/\(commitmentID)/updates",
                                                         [("date", "2026-10-15"), ("text.fr", "Presque fini, enfin."), ("new_progress", "150")], files: [])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains(">Presque fini, enfin.</textarea>"), "the text is kept")
            #expect(refused.body.contains("value=\"150\" inputmode=\"numeric\" aria-describedby=\"f-new_progress-help f-new_progress-error\" aria-invalid=\"true\""))
            #expect(refused.body.contains("<span id=\"f-new_progress-error\" class=\"field-error\">"))
            #expect(refused.body.contains("value=\"2026-10-15\""))
            let summary = try #require(refused.body.range(of: "<div class=\"errors\" role=\"alert\">"))
            let updateForm = try #require(refused.body.range(of: "id=\"post-update\""))
            #expect(summary.lowerBound > updateForm.lowerBound, "the problems are shown at the update's form, not at the commitment's")
        }
        #expect(try await count(host, "progress_update") == 1, "nothing stored (the sample has one update)")
    }

    @Test func progressUpdateWithEvidenceMovesItsActivity() async throws {
        let host = try await host()
        let (commitmentID, activityID) = try await host.read("alpha") { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2")!, try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM activity")!)
        }
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            let pdf = SampleFiles.pdf
            let posted = try await editor.postMultipart("/alpha/admin/plans/commitments/\(commitmentID)/updates",
                                                        [("date", "2026-10-15"), ("text.fr", "Le site est en ligne."), ("activity", String(activityID)),
                                                         ("new_progress", "100"), ("new_status", "completed")],
                                                        files: [.init(field: "evidence", filename: "capture.pdf", contentType: "application/pdf", bytes: pdf)])
            #expect(posted.status == .seeOther)
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("Le site est en ligne."))
            #expect(sheet.body.contains("Pièce justificative\u{00A0}: capture.pdf"))
            #expect(sheet.body.contains("<span>25\u{202F}%</span>"), "one activity of four at 100 %")
            #expect(try await visitor.get("/alpha/plans").body.contains("3 activités en retard"), "a completed activity is no longer late")

            let wrongType = try await editor.postMultipart("/alpha/admin/plans/commitments/\(commitmentID)/updates",
                                                           [("date", "2026-10-16"), ("text.fr", "Autre")],
                                                           files: [.init(field: "evidence", filename: "virus.exe", contentType: "application/octet-stream", bytes: [0x4D, 0x5A, 0, 0])])
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.body.contains("pas accepté ici"))
            let badDate = try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/updates", [("date", "2026-02-30"), ("text.fr", "X")])
            #expect(badDate.status == .badRequest)
            #expect(badDate.body.contains("AAAA-MM-JJ"))
        }
        #expect(try await count(host, "progress_update") == 2, "the sample and the one accepted")
        let progress = try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT progress FROM activity WHERE id = ?", arguments: [activityID]) }
        #expect(progress == 100)
    }

    @Test func indicatorsTypedByHandGetDatedValues() async throws {
        let host = try await host()
        let commitmentID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2") })
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            let added = try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/indicators",
                                              [("indicator_name.fr", "Visites du site"), ("kind", "impact"), ("baseline", "0"), ("target", "5000")])
            #expect(added.status == .seeOther)
            let badSource = try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/indicators",
                                                  [("indicator_name.fr", "X"), ("kind", "impact"), ("source", "nowhere.figure")])
            #expect(badSource.status == .badRequest)
            let indicatorID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM plan_indicator WHERE source IS NULL") })
            #expect(try await editor.post("/alpha/admin/plans/indicators/\(indicatorID)/values", [("date", "2026-06-30"), ("value", "1200")]).status == .seeOther)
            #expect(try await editor.post("/alpha/admin/plans/indicators/\(indicatorID)/values", [("date", "June"), ("value", "1200")]).status == .badRequest)
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("Visites du site"))
            #expect(sheet.body.contains("<td><time datetime=\"2026-06-30\">30 juin 2026</time></td><td>1\u{202F}200</td>"), "a date and a number as French writes them")
        }
    }

    @Test func aLinkedIndicatorShowsItsFiguresPastValuesFromDatedFacts() async throws {
        let host = try await host()
        try await host.enable("reports", on: "alpha", withSample: true)
        let commitmentID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2") })
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            // no baseline typed: it is the figure's value on its date (the sample report came out on 25 March 2024)
            #expect(try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/indicators", [
                ("indicator_name.fr", "Rapports de suivi publiés"), ("kind", "result"), ("source", "reports.published"),
                ("baseline_date", "2024-01-01"), ("target", "4"),
            ]).status == .seeOther)
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2").body
            #expect(sheet.contains("<td><time datetime=\"2023-12-31\">31 décembre 2023</time></td><td>0</td>"))
            #expect(sheet.contains("<td><time datetime=\"2024-12-31\">31 décembre 2024</time></td><td>1</td>"))
            #expect(sheet.contains("<strong>25\u{202F}%</strong> de la cible"), "1 of 4 from a baseline of 0")
        }
    }

    @Test func anIndicatorIsEditedWithUnitDatesAndTargetThenDeletedAndItsHistoryStays() async throws {
        let host = try await host()
        let commitmentID = try #require(try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2") })
        try await host.test { client in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            #expect(try await editor.post("/alpha/admin/plans/commitments/\(commitmentID)/indicators",
                                          [("indicator_name.fr", "Rapports publiés en ligne"), ("kind", "result")]).status == .seeOther)
            let id = try #require(try await host.read("alpha") { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM plan_indicator WHERE name LIKE '%Rapports publiés en ligne%'")
            })
            let form = try await editor.get("/alpha/admin/plans/indicators/\(id)")
            #expect(form.status == .ok && form.body.contains("Rapports publiés en ligne") && form.body.contains("name=\"target_date\""))
            let refused = try await editor.post("/alpha/admin/plans/indicators/\(id)", [("indicator_name.fr", "Rapports publiés en ligne"), ("kind", "result"),
                                                                                       ("target", "beaucoup"), ("target_date", "fin 2026")])
            #expect(refused.status == .badRequest && refused.body.contains("value=\"beaucoup\"") && refused.body.contains("value=\"fin 2026\""),
                    "the refused form comes back as typed")
            #expect(try await editor.post("/alpha/admin/plans/indicators/\(id)", [
                ("indicator_name.fr", "Rapports publiés en ligne"), ("kind", "result"), ("unit.fr", "rapports"), ("baseline", "0"),
                ("baseline_date", "2024-01-01"), ("target", "4"), ("target_date", "2026-12-31"),
            ]).status == .seeOther)
            #expect(try await editor.post("/alpha/admin/plans/indicators/\(id)/values", [("date", "2026-06-30"), ("value", "3")]).status == .seeOther)

            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2")
            #expect(sheet.body.contains("Cible : 4 rapports pour le <time datetime=\"2026-12-31\">31 décembre 2026</time>")
                    || sheet.body.contains("4 rapports pour le <time datetime=\"2026-12-31\">"), "the target, its unit and its date")
            #expect(sheet.body.contains("<strong>75\u{202F}%</strong> de la cible"), "3 of 4 from 0: three quarters of the way")
            let data = try await visitor.get("/alpha/plans/export.json")
            #expect(data.body.contains("Rapports publiés en ligne") && data.body.contains("\"values\":[{\"date\":\"2026-06-30\",\"value\":3}]")
                    && data.body.contains("\"targetDate\":\"2026-12-31\""), "the open data holds the indicator, its target and its values")
            #expect(data.body.contains("\"updates\":["), "and the progress updates")

            #expect(try await visitor.post("/alpha/admin/plans/indicators/\(id)/delete", [], csrf: "").status != .seeOther, "anonymous visitors delete nothing")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            #expect(try await editor.post("/alpha/admin/plans/indicators/\(id)/delete", []).status == .seeOther)
            #expect(try await host.read("alpha") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_indicator WHERE id = ?", arguments: [id]) } == 0)
            let after = try await visitor.get("/alpha/plans/2")
            #expect(!after.body.contains("<strong>75\u{202F}%</strong> de la cible"))
            #expect(after.body.contains("Rapports publiés en ligne"), "the history keeps what the deleted indicator was")
            #expect(try await editor.get("/alpha/admin/plans/indicators/\(id)").status == .notFound)
        }
    }

    @Test func onlyPlanEditorsWrite() async throws {
        let host = try await host()
        let before = try await count(host, "commitment")
        try await host.test { client in
            for role in ["citizen", "moderator"] {
                var browser = Browser(client)
                try await browser.signIn("/alpha", email: "\(role)@alpha.test")
                try await browser.get("/alpha/account")
                #expect(try await browser.get("/alpha/admin/plans").status == .forbidden, "\(role)")
                #expect(try await browser.post("/alpha/admin/plans/commitments", commitmentFields(number: "7")).status == .forbidden, "\(role)")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.get("/alpha/admin/plans").status == .unauthorized)
        }
        #expect(try await count(host, "commitment") == before)
    }
}
