import CivicSDK
import Foundation
import GRDB
import Testing
import TestSupport

/// Comments follow their item: when it is unpublished or deleted they leave public view (page, JSON
/// thread, figures page), staying readable to staff and to their author; and an author's edits are
/// limited like any other citizen input.
@Suite struct FeedbackVisibilityTests {
    @Test func commentsOfAnUnpublishedOrDeletedItemLeavePublicView() async throws {
        let host = try await FeedbackTests.host()
        try await host.createAccount(tenant: "alpha", email: "other@alpha.test", grants: [RoleGrant(.citizen)])
        let entry = try await host.test { client async throws in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            return try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Texte sur une page bientôt retirée")))
        }
        let threadAPI = "/alpha/api/v1/feedback/thread?module=pages&item=page:about"
        try await host.test { client async throws in
            var visitor = Browser(client)
            #expect(try await visitor.get(entry).status == .ok)
            #expect(try await visitor.get(threadAPI).body.contains("bientôt retirée"))
        }
        try await host.write("alpha") { db in try db.execute(sql: "UPDATE page SET published = 0 WHERE slug = 'about'") }
        try await host.test { client async throws in
            var visitor = Browser(client)
            #expect(try await visitor.get(entry).status == .notFound)
            #expect(try await visitor.get(threadAPI).status == .notFound)
            var other = Browser(client)
            try await other.signIn("/alpha", email: "other@alpha.test")
            try await other.get("/alpha/account")
            #expect(try await other.post(entry + "/flag", [("reason", "spam")]).status == .notFound)
            #expect(!(try await visitor.get("/alpha/feedback").body.contains("bientôt retirée")), "not among the latest input either")
            var moderator = Browser(client)
            try await moderator.signIn("/alpha", email: "moderator@alpha.test")
            #expect(try await moderator.get(entry).status == .ok, "staff still moderate it")
            var author = Browser(client)
            try await author.signIn("/alpha", email: "citizen@alpha.test")
            #expect(try await author.get(entry).status == .ok, "its author still reads it")
        }
        try await host.write("alpha") { db in try db.execute(sql: "DELETE FROM page WHERE slug = 'about'") }
        try await host.test { client async throws in
            var visitor = Browser(client)
            #expect(try await visitor.get(entry).status == .notFound)
            #expect(try await visitor.get(threadAPI).status == .notFound)
        }
    }

    @Test func anAuthorsEditsAreLimited() async throws {
        let host = try await TestHost(commentEditsPerHour: 3)
        try await host.write("alpha") { db in
            try db.execute(sql: """
                INSERT INTO page (slug, title, body, published, position, created_at, updated_at)
                VALUES ('about', '{"fr":"À propos"}', '{"fr":"Texte"}', 1, 0, datetime('now'), datetime('now'))
                """)
        }
        let statuses = try await host.test { client async throws in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let entry = try FeedbackTests.entryPath(try await citizen.post("/alpha/feedback", FeedbackTests.comment("Version 0")))
            var statuses: [Int] = []
            for version in 1...4 {
                try await citizen.get(entry)
                let answer = try await citizen.post(entry + "/edit", [("body", "Version \(version)")])
                statuses.append(Int(answer.status.code))
                if version == 4 {
                    #expect(answer.body.contains("Version 4"), "the refused text is kept in the form")
                }
            }
            return statuses
        }
        #expect(statuses == [303, 303, 303, 429])
        let (body, revisions) = try await host.read("alpha") { db in
            (try String.fetchOne(db, sql: "SELECT body FROM feedback"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback_revision"))
        }
        #expect(body == "Version 3")
        #expect(revisions == 3)
    }
}
