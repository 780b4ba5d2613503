import Testing
import TestSupport

/// Every change that works says so on the page it lands on, in the visitor's language; the
/// address carries only a known word, never text to show.
@Suite struct NoticeTests {
    @Test func aSavedChangeIsConfirmedOnThePageItLandsOn() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/pages/new")
            let created = try await admin.post("/alpha/admin/pages", [("slug", "budget"), ("title.fr", "Budget"), ("body.fr", "Texte")])
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            #expect(location.hasSuffix("done=created"))
            let landed = try await admin.get(location)
            #expect(landed.body.contains("<div class=\"banner banner-success\" role=\"status\"><p>Élément créé.</p></div>"))
            let arabic = try await admin.get(location + "&lang=ar")
            #expect(arabic.body.contains("<p>تم الإنشاء.</p>"))
            try await admin.get("/alpha/admin/pages/1/edit")
            let published = try await admin.post("/alpha/admin/pages/1/publish", [])
            #expect(published.location?.hasSuffix("done=published") == true)
        }
    }

    @Test func onlyKnownNoticesAreShown() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var visitor = Browser(client)
            let page = try await visitor.get("/alpha/?done=%3Cscript%3E")
            #expect(!page.body.contains("banner-success"))
            #expect(!page.body.contains("script%3E") && !page.body.contains("<script>"))
        }
    }
}
