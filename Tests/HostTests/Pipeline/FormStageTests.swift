@_spi(Host) import CivicSDK
import HTTPTypes
import Hummingbird
import Testing
@testable import OpenCommune

@Suite struct FormStageTests {
    private func stage(_ harness: StageHarness) -> FormStage {
        FormStage(renderer: harness.services.renderer, maxBodyBytes: 1_000, maxUploadBytes: 10_000)
    }

    private func visitor(_ harness: StageHarness, csrf: String) throws -> CivicContext {
        var context = try harness.context()
        context.identify(nil, csrfToken: csrf, byToken: false)
        return context
    }

    private let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func aFormWithItsTokenReachesTheRouteParsed() async throws {
        let harness = try StageHarness()
        let token = String(repeating: "c", count: 43)
        let response = try await stage(harness).handle(StageHarness.request(.post, "/feedback", headers: form, body: "_csrf=\(token)&body=Bonjour+%C3%A0+tous"),
                                                       context: try visitor(harness, csrf: token)) { _, context in
            #expect(context.form["body"] == "Bonjour à tous")
            return StageHarness.answer()
        }
        #expect(response.status == .ok)
    }

    @Test func aMissingOrWrongTokenIs403() async throws {
        let harness = try StageHarness()
        let token = String(repeating: "c", count: 43)
        for body in ["body=x", "_csrf=\(String(repeating: "d", count: 43))&body=x"] {
            do {
                _ = try await stage(harness).handle(StageHarness.request(.post, "/feedback", headers: form, body: body),
                                                    context: try visitor(harness, csrf: token)) { _, _ in
                    Issue.record("the route must not run")
                    return StageHarness.answer()
                }
                Issue.record("\(body) must be refused")
            } catch let error as HTTPError {
                #expect(error.status == .forbidden)
            }
        }
    }

    @Test func tooLargeOrUnknownBodiesAreRefused() async throws {
        let harness = try StageHarness()
        let token = String(repeating: "c", count: 43)
        let cases: [(HTTPFields, String, HTTPResponse.Status)] = [
            (form, "_csrf=\(token)&body=" + String(repeating: "x", count: 2_000), .contentTooLarge),
            ([.contentType: "text/plain"], "hello", .unsupportedMediaType),
        ]
        for (headers, body, status) in cases {
            await #expect(throws: HTTPError.self) {
                _ = try await stage(harness).handle(StageHarness.request(.post, "/feedback", headers: headers, body: body),
                                                    context: try visitor(harness, csrf: token)) { _, _ in StageHarness.answer() }
            }
            do {
                _ = try await stage(harness).handle(StageHarness.request(.post, "/feedback", headers: headers, body: body),
                                                    context: try visitor(harness, csrf: token)) { _, _ in StageHarness.answer() }
            } catch let error as HTTPError {
                #expect(error.status == status)
            }
        }
    }

    @Test func readsCarryNoForm() async throws {
        let harness = try StageHarness()
        _ = try await stage(harness).handle(StageHarness.request("/feedback?body=x"), context: try harness.context()) { _, context in
            #expect(context.form["body"] == nil)
            return StageHarness.answer()
        }
    }
}
