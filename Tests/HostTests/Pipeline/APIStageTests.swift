@_spi(Host) import CivicSDK
import Hummingbird
import Testing
@testable import OpenCommune

@Suite struct APIStageTests {
    private func stage(_ harness: StageHarness) -> APIStage { APIStage(renderer: harness.services.renderer) }

    @Test func anUnknownLocaleIs400() async throws {
        let harness = try StageHarness()
        await #expect(throws: HTTPError.self) {
            _ = try await stage(harness).handle(StageHarness.request("/api/v1/pages?locale=de"), context: try harness.context()) { _, _ in
                StageHarness.answer()
            }
        }
    }

    @Test func aChangeWithoutAccountIs401() async throws {
        let harness = try StageHarness()
        do {
            _ = try await stage(harness).handle(StageHarness.request(.post, "/api/v1/pages"), context: try harness.context()) { _, _ in
                StageHarness.answer()
            }
            Issue.record("an anonymous change must be refused")
        } catch let error as HTTPError {
            #expect(error.status == .unauthorized)
        }
    }

    @Test func aReadIsPublicReadableFromAnySiteAndResolvedInTheAskedLocale() async throws {
        let harness = try StageHarness()
        let json = #"{"items":[{"id":1,"title":{"ar":"عنوان","fr":"Titre"}}]}"#
        let response = try await stage(harness).handle(StageHarness.request("/api/v1/pages?locale=ar"), context: try harness.context()) { _, _ in
            var answer = StageHarness.answer(contentType: "application/json; charset=utf-8", body: json)
            answer.headers[.cacheControl] = nil
            return answer
        }
        #expect(response.headers[.accessControlAllowOrigin] == "*")
        #expect(response.headers[.cacheControl] == "public, max-age=0, must-revalidate")
        #expect(try await response.text() == #"{"items":[{"id":1,"title":"عنوان"}]}"#)
    }

    @Test func pagesOutsideTheAPIPassUntouched() async throws {
        let harness = try StageHarness()
        let response = try await stage(harness).handle(StageHarness.request(.post, "/pages?locale=de"), context: try harness.context()) { _, _ in
            StageHarness.answer(cacheControl: "private, no-store")
        }
        #expect(response.headers[.accessControlAllowOrigin] == nil)
        #expect(response.headers[.cacheControl] == "private, no-store")
    }
}
