@_spi(Host) import CivicSDK
import HTTPTypes
import Hummingbird
import Synchronization
import Testing
@testable import OpenCommune

@Suite struct CacheStageTests {
    private func stage(_ harness: StageHarness) -> CacheStage {
        CacheStage(cache: harness.services.cache, versions: harness.services.versions, flights: harness.services.flights, visitors: harness.services.visitors, metrics: harness.services.metrics)
    }

    @Test func aSharedPageIsRenderedOnceThenServedFromTheCache() async throws {
        let harness = try StageHarness()
        let renders = Mutex(0)
        // a visitor whose session cookie names no session: the front door could not serve them, this stage does
        let stale: HTTPFields = [.cookie: "oc_session=\(String(repeating: "s", count: 43))"]
        for _ in 0..<3 {
            let response = try await stage(harness).handle(StageHarness.request("/pages", headers: stale), context: try harness.context()) { _, _ in
                renders.withLock { $0 += 1 }
                return StageHarness.answer(body: "the list")
            }
            #expect(try await response.text() == "the list")
            #expect(response.headers[.eTag] != nil)
        }
        #expect(renders.withLock { $0 } == 1)
        #expect(harness.services.cache.count("alpha") == 1)
    }

    @Test func aPlainlyAnonymousReadIsStoredButNotLookedUpTwice() async throws {
        let harness = try StageHarness()
        let renders = Mutex(0)
        for _ in 0..<2 {
            _ = try await stage(harness).handle(StageHarness.request("/pages"), context: try harness.context()) { _, _ in
                renders.withLock { $0 += 1 }
                return StageHarness.answer()
            }
        }
        // the front door already looked in the cache for this visitor; the stage only stores what was rendered
        #expect(renders.withLock { $0 } == 2)
        #expect(harness.services.cache.count("alpha") == 1)
    }

    @Test func aChangeOfContentRendersAgain() async throws {
        let harness = try StageHarness()
        let renders = Mutex(0)
        for round in 0..<2 {
            if round == 1 { harness.services.versions.bump("alpha") }
            _ = try await stage(harness).handle(StageHarness.request("/pages"), context: try harness.context()) { _, _ in
                renders.withLock { $0 += 1 }
                return StageHarness.answer()
            }
        }
        #expect(renders.withLock { $0 } == 2)
    }

    @Test func personalPagesChosenLanguagesAndErrorsAreNeverStored() async throws {
        let harness = try StageHarness()
        _ = try await stage(harness).handle(StageHarness.request("/account"), context: try harness.context()) { _, _ in
            StageHarness.answer(cacheControl: "private, no-store")
        }
        _ = try await stage(harness).handle(StageHarness.request("/pages?lang=ar"), context: try harness.context(locale: "ar")) { _, _ in
            StageHarness.answer()
        }
        _ = try await stage(harness).handle(StageHarness.request("/pages"), context: try harness.context()) { _, _ in
            StageHarness.answer(.notFound)
        }
        #expect(harness.services.cache.count("alpha") == 0)
    }

    @Test func signedInVisitorsShareAPageByRoleWithTheirOwnPartsFilledIn() async throws {
        let harness = try StageHarness()
        let renders = Mutex(0)
        func visit(_ account: SignedInAccount, csrf: String) async throws -> Response {
            var context = try harness.context()
            context.identify(account, csrfToken: csrf, byToken: false)
            return try await stage(harness).handle(StageHarness.request("/pages"), context: context) { _, context in
                renders.withLock { $0 += 1 }
                return StageHarness.answer(body: "<p>\(context.account?.displayName ?? "")|\(context.csrfToken)</p>")
            }
        }
        let citizen = { (id: Int64, name: String) in SignedInAccount(id: id, email: "\(id)@b.c", displayName: name, grants: [RoleGrant(.citizen)]) }
        let amina = try await visit(citizen(1, "Amina <3"), csrf: "token-amina")
        let omar = try await visit(citizen(2, "Omar"), csrf: "token-omar")
        #expect(try await amina.text() == "<p>Amina &lt;3|token-amina</p>")
        #expect(try await omar.text() == "<p>Omar|token-omar</p>")
        #expect(omar.headers[.cacheControl] == "private, no-store" && omar.headers[.eTag] == nil)
        #expect(renders.withLock { $0 } == 1, "the second citizen got the first one's rendering")
        _ = try await visit(SignedInAccount(id: 3, email: "e@b.c", displayName: "Editor", grants: [RoleGrant(.editor)]), csrf: "e")
        #expect(renders.withLock { $0 } == 2, "another role has a page of its own")
    }

    @Test func aSignedInVisitorsOwnPageKeepsItsCookiesAndItsHolesAreFilled() async throws {
        let harness = try StageHarness()
        var context = try harness.context()
        context.identify(SignedInAccount(id: 7, email: "s@b.c", displayName: "Salma", grants: [RoleGrant(.citizen)]), csrfToken: "token-salma", byToken: false)
        let response = try await stage(harness).handle(StageHarness.request("/account"), context: context) { _, context in
            var answer = StageHarness.answer(cacheControl: "private, no-store", body: "<p>\(context.account?.displayName ?? "")|\(context.csrfToken)</p>")
            answer.headers[.setCookie] = "oc_notice=1; Path=/"
            return answer
        }
        #expect(try await response.text() == "<p>Salma|token-salma</p>")
        #expect(response.headers[.setCookie] == "oc_notice=1; Path=/")
        #expect(harness.services.cache.count("alpha") == 0)
    }

    @Test func visitorsAskingForAPageBeingRenderedWaitForThatRendering() async throws {
        let harness = try StageHarness()
        let renders = Hits()
        let stale: HTTPFields = [.cookie: "oc_session=\(String(repeating: "s", count: 43))"]
        let door = stage(harness), context = try harness.context()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await door.handle(StageHarness.request("/pages", headers: stale), context: context) { _, _ in
                        renders.add()
                        try await Task.sleep(for: .milliseconds(200))
                        return StageHarness.answer(body: "the list")
                    }.text()
                }
            }
            for try await body in group { #expect(body == "the list") }
        }
        #expect(renders.value == 1)
    }

    @Test func anUncachedAnswerIsGzippedWhenAccepted() async throws {
        let harness = try StageHarness()
        let text = String(repeating: "Plan d'action communal ", count: 200)
        let response = try await stage(harness).handle(StageHarness.request("/account", headers: [.acceptEncoding: "gzip"]),
                                                       context: try harness.context()) { _, _ in
            StageHarness.answer(cacheControl: "private, no-store", body: text)
        }
        #expect(response.headers[.contentEncoding] == "gzip")
        #expect(try await response.body.collect().readableBytes < text.utf8.count / 5)
    }
}
