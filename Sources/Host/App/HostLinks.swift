import CivicSDK

/// The public items of every module enabled in a tenant, for links between modules.
struct HostLinks: LinkService {
    let directory: ModuleDirectory

    func targets(_ context: CivicContext) async throws -> [LinkTarget] {
        try await targets(context, use: .link)
    }

    /// The tenant's public items that take comments (`core:general` aside), as targets.
    func feedbackTargets(_ context: CivicContext) async throws -> [LinkTarget] {
        try await targets(context, use: .feedback)
    }

    /// The tenant's public pages that can stand as a footer notice.
    func noticePages(_ context: CivicContext) async throws -> [LinkTarget] {
        try await targets(context, use: .notice)
    }

    private func targets(_ context: CivicContext, use: PublicItem.Use) async throws -> [LinkTarget] {
        let enabled = directory.enabled(context.tenant.slug)
        let tenant = context.tenant
        return try await context.database.read { db in
            try enabled.flatMap { module in
                try module.publicItems(db, tenant).filter { $0.uses.contains(use) }.map { $0.target(module: type(of: module).id) }
            }
        }
    }
}
