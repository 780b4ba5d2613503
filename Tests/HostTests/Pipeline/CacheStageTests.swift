@_spi(Host) import CivicSDK
import HTTPTypes
import Hummingbird
import Synchronization
import Testing
@testable import OpenCommune

@Suite struct CacheStageTests {
    private func stage(_ harness: StageHarness) -> CacheStage {
        CacheStage(cache: harness.services.cache, versions: harness.services.versions, metrics: harness.services.metrics)
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

    @Test func personalPagesSignedInVisitorsAndChosenLanguagesAreNeverStored() async throws {
        let harness = try StageHarness()
        _ = try await stage(harness).handle(StageHarness.request("/account"), context: try harness.context()) { _, _ in
            StageHarness.answer(cacheControl: "private, no-store")
        }
        var signedIn = try harness.context()
        signedIn.identify(SignedInAccount(id: 1, email: "a@b.c", displayName: "A", grants: [RoleGrant(.admin)]), csrfToken: "t", byToken: false)
        _ = try await stage(harness).handle(StageHarness.request("/pages"), context: signedIn) { _, _ in StageHarness.answer() }
        _ = try await stage(harness).handle(StageHarness.request("/pages?lang=ar"), context: try harness.context(locale: "ar")) { _, _ in
            StageHarness.answer()
        }
        _ = try await stage(harness).handle(StageHarness.request("/pages"), context: try harness.context()) { _, _ in
            StageHarness.answer(.notFound)
        }
        #expect(harness.services.cache.count("alpha") == 0)
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
