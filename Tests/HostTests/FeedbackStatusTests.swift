import Foundation
import Testing
import TestSupport

/// A citizen who sends a suggestion is told what happens next, is not offered to report their own
/// text, and sees where it stands (waiting, then the commune's decision) wherever it is listed.
@Suite struct FeedbackStatusTests {
    @Test func theSenderIsToldWhatHappensNextAndEveryEntryShowsItsStatus() async throws {
        let host = try await FeedbackTests.host()
        try await host.test { client async throws in
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/pages/about")
            let sent = try await citizen.post("/alpha/feedback", FeedbackTests.comment("Des bancs au parc, s'il vous plaît.", kind: "suggestion"))
            let receipt = try await citizen.get(try #require(sent.location))
            #expect(receipt.body.contains("<div class=\"banner banner-success\" role=\"status\"><h2>Contribution envoyée</h2>"))
            #expect(receipt.body.contains("répond sur cette page, avec sa décision et ses raisons"))
            #expect(!receipt.body.contains("id=\"flag-title\""), "no offer to report one's own text")
            #expect(receipt.body.contains("<span class=\"badge badge-waiting\">En attente de réponse</span>"))
            var reader = Browser(client)
            let entry = try FeedbackTests.entryPath(sent)
            #expect(try await reader.get(entry).body.contains("id=\"flag-title\""), "other readers may report it")
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get(entry)
            let answered = try await editor.post(entry + "/respond", [("outcome", "adopted"), ("reason.fr", "Prévu au budget 2027."), ("incomplete_ok", "1")])
            #expect(answered.location?.hasSuffix("done=answered") == true)
            let thread = try await reader.get("/alpha/pages/about")
            #expect(thread.body.contains("<span class=\"badge badge-adopted\">Retenue</span>"))
            #expect(!thread.body.contains("badge-waiting"))
        }
    }
}
