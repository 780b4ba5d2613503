import CivicSDK
import Hummingbird
import Testing
@testable import OpenCommune

@Suite struct LocaleCookieStageTests {
    let stage = LocaleCookieStage(secureCookies: false)

    @Test func aLanguageChosenWithLangIsRemembered() async throws {
        let harness = try StageHarness()
        let response = try await stage.handle(StageHarness.request("/?lang=ar"), context: try harness.context(locale: "ar")) { _, _ in
            StageHarness.answer()
        }
        #expect(response.cookies.contains { $0.hasPrefix("oc_lang=ar") && $0.contains("Path=/alpha") })
    }

    @Test func aLanguageNegotiatedOtherwiseSetsNoCookie() async throws {
        let harness = try StageHarness()
        // ?lang=de is not offered: the front door fell back on French, which the cookie must not pin
        for path in ["/", "/?lang=de"] {
            let response = try await stage.handle(StageHarness.request(path), context: try harness.context(locale: "fr")) { _, _ in
                StageHarness.answer()
            }
            #expect(response.cookies.isEmpty, "\(path)")
        }
    }

    @Test func errorsAnsweredInsideKeepTheCookie() async throws {
        let harness = try StageHarness()
        let response = try await stage.handle(StageHarness.request("/nowhere?lang=en"), context: try harness.context(locale: "en")) { _, _ in
            StageHarness.answer(.notFound)
        }
        #expect(response.status == .notFound)
        #expect(response.cookies.contains { $0.hasPrefix("oc_lang=en") })
    }
}
