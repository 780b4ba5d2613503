import Hummingbird
import NIOCore
import Synchronization

/// Anonymous GET responses per tenant, rendered once per content version.
///
/// A tenant's entries are dropped as soon as its ``ContentVersions`` counter moves. Only bytes
/// that are the same for every anonymous visitor are stored (the renderer marks them
/// `Cache-Control: public`). Memory is bounded twice: entries per tenant, and bytes overall
/// (the tenant whose cache was filled longest ago goes first).
final class PageCache: Sendable {
    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let gzipped: ByteBuffer?
        let etag: String

        var size: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) + 512 }
    }

    private struct TenantPages {
        var version: UInt64
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
    private let state = Mutex(State())

    init(entriesPerTenant: Int, maxBytes: Int) {
        self.perTenant = entriesPerTenant
        self.maxBytes = maxBytes
    }

    func lookup(_ slug: String, key: String, version: UInt64) -> Entry? {
        state.withLock { state in
            guard let pages = state.tenants[slug], pages.version == version else { return nil }
            return pages.entries[key]
        }
    }

    func store(_ slug: String, key: String, version: UInt64, entry: Entry) {
        guard perTenant > 0, entry.size <= maxBytes else { return }
        state.withLock { state in
            if let stale = state.tenants[slug], stale.version != version || stale.entries.count >= perTenant {
                state.bytes -= stale.bytes
                state.tenants[slug] = nil
            }
            state.clock += 1
            var pages = state.tenants[slug] ?? TenantPages(version: version)
            if let replaced = pages.entries[key] { pages.bytes -= replaced.size; state.bytes -= replaced.size }
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

    /// Number of pages cached for a tenant.
    func count(_ slug: String) -> Int { state.withLock { $0.tenants[slug]?.entries.count ?? 0 } }

    /// Bytes held by the whole cache.
    var bytes: Int { state.withLock { $0.bytes } }
}
