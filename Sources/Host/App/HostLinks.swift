import CivicSDK

/// The public items of every module enabled in a tenant, for links between modules.
struct HostLinks: LinkService {
    let directory: ModuleDirectory

    func targets(_ context: CivicContext) async throws -> [LinkTarget] {
        let enabled = directory.enabled(context.tenant.slug)
        let tenant = context.tenant
        return try await context.database.read { db in try enabled.flatMap { try $0.linkTargets(db, tenant) } }
    }
}
