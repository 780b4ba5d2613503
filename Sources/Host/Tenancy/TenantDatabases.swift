import CivicSDK
import Foundation

/// Opens a tenant's database as modules and host routes use it: its reads recorded for the page
/// being rendered, its writes of public content reported (see ``TenantPools``).
struct TenantDatabases: Sendable {
    let pools: TenantPools

    func open(_ slug: String) throws -> TenantDatabase {
        let opened = try pools.opened(slug)
        return TenantDatabase(pool: opened.pool, name: slug, written: opened.written)
    }

    /// The tenant's files folder.
    func files(_ slug: String) -> TenantFiles {
        TenantFiles(directory: URL(fileURLWithPath: pools.directory(slug)).appendingPathComponent("files"))
    }
}
