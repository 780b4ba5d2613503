import CivicSDK
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization
import Testing
@testable import OpenCommune

/// How many requests reached the router.
final class Hits: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

@Suite struct TenantFrontDoorTests {
    /// A front door whose router knows `GET /pages` and `POST /pages/new`, and counts what reaches it.
    private func door(_ harness: StageHarness, reached: Hits) -> TenantFrontDoor {
        let router = Router(context: CivicContext.self)
        router.add(middleware: CacheStage(cache: harness.services.cache, versions: harness.services.versions, flights: harness.services.flights, visitors: harness.services.visitors, metrics: harness.services.metrics))
        router.get("pages") { _, _ in
            reached.add()
            return StageHarness.answer(body: "list")
        }
        router.post("pages/new") { _, _ in
            reached.add()
            return StageHarness.answer(.seeOther)
        }
        let handle = TenantRouterHandle()
        handle.set(router)
        return TenantFrontDoor(services: harness.services, router: handle)
    }

    private func address(_ harness: StageHarness, _ inner: String) throws -> TenantAddress {
        try #require(TenantAddress(host: "localhost", path: "/alpha" + inner, registry: harness.services.registry))
    }

    @Test func theRootIsStrippedAndTheTenantResolvedByPathOrHost() throws {
        let harness = try StageHarness()
        let byPath = try address(harness, "/pages")
        #expect(byPath.root == "/alpha" && byPath.innerPath == "/pages")
        #expect(TenantAddress(host: nil, path: "/nowhere/pages", registry: harness.services.registry) == nil)
        #expect(TenantAddress(host: nil, path: "/alpha", registry: harness.services.registry)?.innerPath == "/")
    }

    @Test func aChangeToAReadOnlyPathIs405BeforeTheRouter() async throws {
        let harness = try StageHarness()
        let reached = Hits()
        let response = await door(harness, reached: reached).respond(StageHarness.request(.post, "/alpha/pages"), address: try address(harness, "/pages"),
                                                                     clientAddress: "127.0.0.9", logger: harness.services.logger)
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "GET, HEAD")
        #expect(reached.value == 0)
    }

    @Test func anAnonymousReadIsServedFromTheCacheWithoutTheRouter() async throws {
        let harness = try StageHarness()
        let reached = Hits()
        let door = door(harness, reached: reached)
        for _ in 0..<3 {
            let response = await door.respond(StageHarness.request("/alpha/pages"), address: try address(harness, "/pages"),
                                              clientAddress: "127.0.0.9", logger: harness.services.logger)
            #expect(try await response.text() == "list")
        }
        #expect(reached.value == 1)
        // a visitor with a session cookie is not served by the front door
        let cookie: HTTPFields = [.cookie: "oc_session=\(String(repeating: "s", count: 43))"]
        _ = await door.respond(StageHarness.request("/alpha/pages", headers: cookie), address: try address(harness, "/pages"),
                               clientAddress: "127.0.0.9", logger: harness.services.logger)
        #expect(reached.value == 1, "the router's cache stage served it, not a render")
    }

    @Test func theAPIIsLimitedPerAddressBeforeAnythingElse() async throws {
        // a small limit: the bucket refills while the loop runs, so a large one would make the count depend on speed
        let harness = try StageHarness(apiRequestsPerMinute: 5)
        let reached = Hits()
        let door = door(harness, reached: reached)
        var limited = 0
        for _ in 0..<(harness.services.config.apiRequestsPerMinute + 1) {
            let response = await door.respond(StageHarness.request("/alpha/api/v1/pages"), address: try address(harness, "/api/v1/pages"),
                                              clientAddress: "127.0.0.7", logger: harness.services.logger)
            if response.status == .tooManyRequests {
                limited += 1
                #expect(response.headers[.retryAfter] == "60")
            }
        }
        #expect(limited == 1)
    }
}
