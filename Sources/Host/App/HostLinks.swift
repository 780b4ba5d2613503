import CivicSDK

/// The public items of every module enabled in a tenant, for links between modules.
struct HostLinks: LinkService {
    let directory: ModuleDirectory

    func targets(_ context: CivicContext) async throws -> [LinkTarget] {
        try await targets(context, use: .link)
    }

    /// The tenant's public pages that can stand as a footer notice.
    func noticePages(_ context: CivicContext) async throws -> [LinkTarget] {
        try await targets(context, use: .notice)
    }

    private func targets(_ context: CivicContext, use: PublicItem.Use) async throws -> [LinkTarget] {
        try await targets(context, for: [use])[use] ?? []
    }

    /// The tenant's public items for several uses at once, read once: by use, as targets.
    func targets(_ context: CivicContext, for uses: Set<PublicItem.Use>) async throws -> [PublicItem.Use: [LinkTarget]] {
        let enabled = directory.enabled(context.tenant.slug)
        let tenant = context.tenant
        return try await context.database.read { db in
            var found: [PublicItem.Use: [LinkTarget]] = [:]
            for module in enabled {
                for item in try module.publicItems(db, tenant) {
                    for use in item.uses.intersection(uses) { found[use, default: []].append(item.target(module: type(of: module).id)) }
                }
            }
            return found
        }
    }
}
