import HTTPTypes
import Hummingbird
import NIOCore
import Testing
@testable import OpenCommune

@Suite struct PageCacheUnitTests {
    private func entry(_ size: Int) -> PageCache.Entry {
        PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(repeating: 65, count: size), gzipped: nil, etag: "\"e\"")
    }

    @Test func newVersionDropsTheTenantsPages() {
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 1_000_000)
        cache.store("a", key: "/", version: 1, entry: entry(100))
        #expect(cache.lookup("a", key: "/", version: 1) != nil)
        #expect(cache.lookup("a", key: "/", version: 2) == nil)
        #expect(cache.lookup("b", key: "/", version: 1) == nil, "never another tenant's page")
        cache.store("a", key: "/x", version: 2, entry: entry(100))
        #expect(cache.count("a") == 1)
    }

    @Test func memoryBudgetEvictsTheLeastRecentlyFilledTenant() {
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 4_000)
        cache.store("old", key: "/", version: 0, entry: entry(1_000))
        cache.store("mid", key: "/", version: 0, entry: entry(1_000))
        cache.store("new", key: "/", version: 0, entry: entry(1_000))
        #expect(cache.count("old") == 0)
        #expect(cache.count("mid") == 1 && cache.count("new") == 1)
        #expect(cache.bytes <= 4_000)
        cache.store("huge", key: "/", version: 0, entry: entry(10_000))
        #expect(cache.count("huge") == 0, "an entry larger than the budget is not kept")
    }

    @Test func entriesPerTenantAreCapped() {
        let cache = PageCache(entriesPerTenant: 2, maxBytes: 1_000_000)
        for index in 0..<5 { cache.store("a", key: "/\(index)", version: 0, entry: entry(10)) }
        #expect(cache.count("a") <= 2)
    }
}
