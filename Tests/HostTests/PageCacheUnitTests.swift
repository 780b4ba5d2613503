import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing
@testable import OpenCommune

@Suite struct PageCacheUnitTests {
    private func entry(_ size: Int, reads: [String] = [], after: UInt64 = 0) -> PageCache.Entry {
        var entry = PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(repeating: 65, count: size), gzipped: nil, etag: "\"e\"")
        entry.reads = reads
        entry.renderedAfter = after
        return entry
    }

    @Test func aWriteDropsOnlyThePagesThatReadWhatItChanged() {
        let versions = ContentVersions()
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 1_000_000, versions: versions)
        let start = versions.now
        cache.store("a", key: "/plan", entry: entry(100, reads: ["a/commitment", "a/feedback"], after: start))
        cache.store("a", key: "/reports", entry: entry(100, reads: ["a/report"], after: start))
        #expect(cache.lookup("b", key: "/plan") == nil, "never another tenant's page")
        versions.changed("a", tables: ["feedback"], parent: nil)
        #expect(cache.lookup("a", key: "/plan") == nil, "the plan page showed the comments")
        #expect(cache.lookup("a", key: "/reports") != nil, "the reports archive did not")
        versions.changed("b", tables: ["report"], parent: nil)
        #expect(cache.lookup("a", key: "/reports") != nil, "another tenant's table of the same name is another table")
        #expect(cache.currentCount("a") == 1)
    }

    @Test func aPageRenderedWhileAWriteLandedIsNotKept() {
        let versions = ContentVersions()
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 1_000_000, versions: versions)
        let start = versions.now
        versions.changed("a", tables: ["commitment"], parent: nil)
        cache.store("a", key: "/plan", entry: entry(100, reads: ["a/commitment"], after: start))
        #expect(cache.lookup("a", key: "/plan") == nil)
        #expect(cache.count("a") == 0, "a page already stale is not stored at all")
    }

    @Test func aRegistryChangeDropsEverything() {
        let versions = ContentVersions()
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 1_000_000, versions: versions)
        cache.store("a", key: "/", entry: entry(100, reads: [], after: versions.now))
        cache.store("b", key: "/", entry: entry(100, reads: ["b/page"], after: versions.now))
        let before = versions.current("a")
        versions.bump("a")
        #expect(cache.lookup("a", key: "/") == nil && cache.lookup("b", key: "/") == nil, "a tenant renamed shows on every page that names it")
        #expect(versions.current("a") == before + 1)
    }

    @Test func anInstancesWriteMovesItsCommunesVersionForValuesComputedFromBoth() {
        let versions = ContentVersions()
        let commune = versions.current("c"), instance = versions.current("c-youth")
        versions.changed("c-youth", tables: ["opinion"], parent: "c")
        #expect(versions.current("c") == commune + 1 && versions.current("c-youth") == instance + 1)
    }

    @Test func aPageEndsWithTheTenantsDay() {
        let versions = ContentVersions()
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 1_000_000, versions: versions)
        var yesterday = entry(100, after: versions.now)
        yesterday.expires = Date.timeIntervalSinceReferenceDate - 1
        cache.store("a", key: "/", entry: yesterday)
        #expect(cache.lookup("a", key: "/") == nil)
    }

    @Test func memoryBudgetEvictsTheLeastRecentlyFilledTenant() {
        let cache = PageCache(entriesPerTenant: 10, maxBytes: 4_000, versions: ContentVersions())
        cache.store("old", key: "/", entry: entry(1_000))
        cache.store("mid", key: "/", entry: entry(1_000))
        cache.store("new", key: "/", entry: entry(1_000))
        #expect(cache.count("old") == 0)
        #expect(cache.count("mid") == 1 && cache.count("new") == 1)
        #expect(cache.bytes <= 4_000)
        cache.store("huge", key: "/", entry: entry(10_000))
        #expect(cache.count("huge") == 0, "an entry larger than the budget is not kept")
    }

    @Test func entriesPerTenantAreCappedStaleOnesFirst() {
        let versions = ContentVersions()
        let cache = PageCache(entriesPerTenant: 2, maxBytes: 1_000_000, versions: versions)
        cache.store("a", key: "/kept", entry: entry(10, reads: ["a/page"], after: versions.now))
        cache.store("a", key: "/stale", entry: entry(10, reads: ["a/report"], after: versions.now))
        versions.changed("a", tables: ["report"], parent: nil)
        cache.store("a", key: "/new", entry: entry(10, reads: ["a/page"], after: versions.now))
        #expect(cache.lookup("a", key: "/kept") != nil && cache.lookup("a", key: "/new") != nil)
        for index in 0..<5 { cache.store("a", key: "/\(index)", entry: entry(10)) }
        #expect(cache.count("a") <= 2)
    }
}
