import CivicSDK
import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import OpenCommune

@Suite struct ErrorStageTests {
    /// A stage whose router knows `GET /pages` and `POST /admin/pages/1` only.
    private func stage(_ harness: StageHarness) -> ErrorStage {
        let router = Router(context: CivicContext.self)
        router.get("pages") { _, _ in "list" }
        router.post("admin/pages/:id") { _, _ in "saved" }
        let handle = TenantRouterHandle()
        handle.set(router)
        return ErrorStage(renderer: harness.services.renderer, routes: handle)
    }

    @Test func aThrownErrorBecomesAPageInTheVisitorsLanguage() async throws {
        let harness = try StageHarness()
        let response = try await stage(harness).handle(StageHarness.request("/pages"), context: try harness.context(locale: "ar")) { _, _ in
            throw HTTPError(.forbidden, message: "nope")
        }
        #expect(response.status == .forbidden)
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        let html = try await response.text()
        #expect(html.contains("dir=\"rtl\"") && html.contains("nope"))
    }

    @Test func underTheAPIItIsJSON() async throws {
        let harness = try StageHarness()
        let response = try await stage(harness).handle(StageHarness.request("/api/v1/pages"), context: try harness.context()) { _, _ in
            throw HTTPError(.badRequest, message: "bad page")
        }
        #expect(response.status == .badRequest)
        #expect(try await response.text().contains("\"code\":\"bad_request\""))
    }

    @Test func aBareRouterAnswerGetsAPage() async throws {
        let harness = try StageHarness()
        let response = try await stage(harness).handle(StageHarness.request("/pages"), context: try harness.context()) { _, _ in
            Response(status: .notFound)
        }
        #expect(response.status == .notFound)
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
    }

    @Test func aKnownPathAskedWithAnotherMethodIs405WithItsAllow() async throws {
        let harness = try StageHarness()
        let response = try await stage(harness).handle(StageHarness.request("/admin/pages/3"), context: try harness.context()) { _, _ in
            throw HTTPError(.notFound)
        }
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "POST")
        let missing = try await stage(harness).handle(StageHarness.request("/admin/nothing"), context: try harness.context()) { _, _ in
            throw HTTPError(.notFound)
        }
        #expect(missing.status == .notFound)
    }

    @Test func aStorageFailureOnAChangeSaysNothingWasSaved() async throws {
        let harness = try StageHarness()
        let response = try await stage(harness).handle(StageHarness.request(.post, "/admin/pages/1"), context: try harness.context(locale: "en")) { _, _ in
            throw StorageUnavailable(CocoaError(.fileWriteOutOfSpace))
        }
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers[.retryAfter] == "120")
        #expect(try await response.text().contains("Nothing was saved"))
    }
}
