import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Rendered GET responses per tenant, each kept while nothing it read has changed.
///
/// An entry holds the tables its rendering read and the clock before it started (see
/// ``ContentVersions``): a write drops exactly the pages that read what it changed, and the next
/// read renders them again. Entries also end with the tenant's day (deadlines, late activities).
/// Memory is bounded twice: entries per tenant (stale ones go first), and bytes overall (the
/// tenant whose cache was filled longest ago goes first).
final class PageCache: Sendable {
    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let gzipped: ByteBuffer?
        let etag: String
        /// The visitor's parts, for a page rendered for a signed-in visitor (see ``PersonalHoles``).
        var holes: PersonalHoles.Layout?
        /// What the rendering read, as `"<slug>/<table>"`.
        var reads: [String] = []
        /// The content clock before the rendering started.
        var renderedAfter: UInt64 = 0
        /// When the tenant's day ends (seconds since the reference date).
        var expires: Double = .infinity

        var size: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) + 512 + reads.count * 32 }
    }

    private struct TenantPages {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var lastStore: UInt64 = 0
    }

    private struct State {
        var tenants: [String: TenantPages] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let perTenant: Int
    private let maxBytes: Int
    private let versions: ContentVersions
    private let state = Mutex(State())

    init(entriesPerTenant: Int, maxBytes: Int, versions: ContentVersions) {
        self.perTenant = entriesPerTenant
        self.maxBytes = maxBytes
        self.versions = versions
    }

    /// The page stored under `key`, if it still shows what its content is now.
    func lookup(_ slug: String, key: String) -> Entry? {
        guard let entry = state.withLock({ $0.tenants[slug]?.entries[key] }) else { return nil }
        return isCurrent(entry) ? entry : nil
    }

    func isCurrent(_ entry: Entry) -> Bool {
        Date.timeIntervalSinceReferenceDate < entry.expires && versions.unchanged(entry.reads, since: entry.renderedAfter)
    }

    func store(_ slug: String, key: String, entry: Entry) {
        guard perTenant > 0, entry.size <= maxBytes, isCurrent(entry) else { return }
        state.withLock { state in
            state.clock += 1
            var pages = state.tenants[slug] ?? TenantPages()
            if let replaced = pages.entries.removeValue(forKey: key) { pages.bytes -= replaced.size; state.bytes -= replaced.size }
            if pages.entries.count >= perTenant {
                for (stale, old) in pages.entries where !isCurrent(old) {
                    pages.entries[stale] = nil
                    pages.bytes -= old.size
                    state.bytes -= old.size
                }
                if pages.entries.count >= perTenant {
                    state.bytes -= pages.bytes
                    pages = TenantPages()
                }
            }
            pages.entries[key] = entry
            pages.bytes += entry.size
            pages.lastStore = state.clock
            state.tenants[slug] = pages
            state.bytes += entry.size
            while state.bytes > maxBytes,
                  let victim = state.tenants.filter({ $0.key != slug }).min(by: { $0.value.lastStore < $1.value.lastStore })?.key
                    ?? (state.tenants[slug]!.bytes > maxBytes ? slug : nil) {
                state.bytes -= state.tenants[victim]?.bytes ?? 0
                state.tenants[victim] = nil
            }
        }
    }

    /// Number of pages cached for a tenant (stale ones included until they are replaced).
    func count(_ slug: String) -> Int { state.withLock { $0.tenants[slug]?.entries.count ?? 0 } }

    /// Number of a tenant's cached pages that are still current.
    func currentCount(_ slug: String) -> Int {
        let entries = state.withLock { Array(($0.tenants[slug]?.entries ?? [:]).values) }
        return entries.filter(isCurrent).count
    }

    /// Bytes held by the whole cache.
    var bytes: Int { state.withLock { $0.bytes } }
}
