import CivicSDK
import Foundation

/// What a commune's instances publish about themselves, each read from its own database.
struct HostDigests: DigestService {
    let directory: ModuleDirectory
    let registry: TenantRegistry
    /// Opens an instance's database (the same wrapper the host's routes use).
    let database: @Sendable (String) throws -> TenantDatabase

    /// An instance whose database cannot be opened is left out (its own pages say why) rather than
    /// failing the parent's page.
    func children(_ module: String, context: CivicContext) async throws -> [TenantDigest] {
        guard let instance = directory.instance(module) else { return [] }
        var digests: [TenantDigest] = []
        for entry in registry.instances(of: context.tenant.slug) where entry.isEnabled(module) {
            guard let database = try? database(entry.tenant.slug) else { continue }
            let child = entry.tenant
            if let values = try await database.read({ db in try instance.publicDigest(db, child) }) {
                digests.append(TenantDigest(tenant: child, home: TenantLinks.home(entry), values: values))
            }
        }
        return digests
    }
}
