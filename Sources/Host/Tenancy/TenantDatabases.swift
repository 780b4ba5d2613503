import CivicSDK
import Foundation

/// Opens a tenant's database wrapped so that its writes of public content invalidate the tenant's
/// cached pages, and its parent commune's (which show its digests).
struct TenantDatabases: Sendable {
    let registry: TenantRegistry
    let pools: TenantPools
    let versions: ContentVersions

    func open(_ slug: String) throws -> TenantDatabase {
        let versions = self.versions
        let parent = registry.entry(slug)?.tenant.parentSlug
        return TenantDatabase(pool: try pools.pool(slug), contentChanged: {
            versions.bump(slug)
            if let parent { versions.bump(parent) }
        })
    }

    /// The tenant's files folder.
    func files(_ slug: String) -> TenantFiles {
        TenantFiles(directory: URL(fileURLWithPath: pools.directory(slug)).appendingPathComponent("files"))
    }
}
