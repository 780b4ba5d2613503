import Hummingbird
import NIOCore
import Synchronization

/// Anonymous GET responses per tenant, rendered once per content version.
///
/// A tenant's entries are dropped as soon as its ``ContentVersions`` counter moves. Only bytes
/// that are the same for every anonymous visitor are stored (the renderer marks them
/// `Cache-Control: public`).
final class PageCache: Sendable {
    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let gzipped: ByteBuffer?
        let etag: String
    }

    private struct TenantPages {
        var version: UInt64
        var entries: [String: Entry] = [:]
    }

    private let perTenant: Int
    private let maxTenants: Int
    private let tenants = Mutex<[String: TenantPages]>([:])

    init(entriesPerTenant: Int, maxTenants: Int = 2_000) {
        self.perTenant = entriesPerTenant
        self.maxTenants = maxTenants
    }

    func lookup(_ slug: String, key: String, version: UInt64) -> Entry? {
        tenants.withLock { state in
            guard let pages = state[slug], pages.version == version else { return nil }
            return pages.entries[key]
        }
    }

    func store(_ slug: String, key: String, version: UInt64, entry: Entry) {
        guard perTenant > 0 else { return }
        tenants.withLock { state in
            if state[slug]?.version != version { state[slug] = TenantPages(version: version) }
            if state[slug]!.entries.count >= perTenant { state[slug]!.entries.removeAll(keepingCapacity: true) }
            state[slug]!.entries[key] = entry
            if state.count > maxTenants, let victim = state.keys.first(where: { $0 != slug }) { state[victim] = nil }
        }
    }

    /// Number of pages cached for a tenant (for tests and metrics).
    func count(_ slug: String) -> Int { tenants.withLock { $0[slug]?.entries.count ?? 0 } }
}
