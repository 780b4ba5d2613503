import CivicSDK
import HTTPTypes
import Hummingbird
import Synchronization
import Testing
@testable import OpenCommune

@Suite struct IdentityStageTests {
    private func stage(_ harness: StageHarness) -> IdentityStage {
        IdentityStage(renderer: harness.services.renderer, secureCookies: false, visitors: harness.services.visitors)
    }

    @Test func anAnonymousVisitorGetsAFormTokenAndItsCookieOnlyOnPersonalPages() async throws {
        let harness = try StageHarness()
        let seen = Mutex<String>("")
        let personal = try await stage(harness).handle(StageHarness.request("/login"), context: try harness.context()) { _, context in
            #expect(context.account == nil)
            seen.withLock { $0 = context.csrfToken }
            return StageHarness.answer(cacheControl: "private, no-store")
        }
        let token = seen.withLock { $0 }
        #expect(token.count == 43)
        #expect(personal.cookies.contains { $0.hasPrefix("oc_csrf=\(token)") })
        let shared = try await stage(harness).handle(StageHarness.request("/"), context: try harness.context()) { _, _ in StageHarness.answer() }
        #expect(shared.cookies.isEmpty, "a page shared by every visitor sets no cookie")
    }

    @Test func aReturningVisitorKeepsTheirToken() async throws {
        let harness = try StageHarness()
        let token = String(repeating: "a", count: 43)
        let response = try await stage(harness).handle(StageHarness.request("/login", headers: [.cookie: "oc_csrf=\(token)"]),
                                                       context: try harness.context()) { _, context in
            #expect(context.csrfToken == token)
            return StageHarness.answer(cacheControl: "private, no-store")
        }
        #expect(response.cookies.isEmpty)
    }

    @Test func aSessionCookieBringsItsAccountAndItsFormToken() async throws {
        let harness = try StageHarness()
        let session = try await harness.session()
        _ = try await stage(harness).handle(StageHarness.request("/admin", headers: [.cookie: "oc_session=\(session.token)"]),
                                            context: try harness.context()) { _, context in
            #expect(context.account?.email == "admin@alpha.test")
            #expect(context.csrfToken == session.csrf)
            #expect(!context.tokenAuthenticated)
            return StageHarness.answer(cacheControl: "private, no-store")
        }
    }

    @Test func anUnknownSessionIsAnonymous() async throws {
        let harness = try StageHarness()
        let stale = String(repeating: "b", count: 43)
        _ = try await stage(harness).handle(StageHarness.request("/", headers: [.cookie: "oc_session=\(stale)"]),
                                            context: try harness.context()) { _, context in
            #expect(context.account == nil)
            return StageHarness.answer()
        }
    }

    @Test func aRefusedAccessTokenIs401WithoutReachingTheRoute() async throws {
        let harness = try StageHarness()
        for header in ["Bearer nope", "Basic YTpi"] {
            let response = try await stage(harness).handle(StageHarness.request("/api/v1/pages", headers: [.authorization: header]),
                                                           context: try harness.context()) { _, _ in
                Issue.record("the route must not run")
                return StageHarness.answer()
            }
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }
}
