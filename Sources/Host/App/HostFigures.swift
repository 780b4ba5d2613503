import CivicSDK
import Foundation

/// A tenant's live figures: each enabled module's indicators and the host's figures on citizen
/// input, read in one transaction. Figures only move when content changes (or, for late activities
/// and deadlines, when the day changes): they are computed once per content version and day, then reused.
struct HostFigures: FigureService {
    let directory: ModuleDirectory
    let versions: ContentVersions
    let memo = FigureHistory.Memo()

    func live(_ context: CivicContext) async throws -> [String: Indicator] {
        try await live(context.tenant, database: context.database)
    }

    /// The figures of `tenant`, by id.
    func live(_ tenant: Tenant, database: TenantDatabase) async throws -> [String: Indicator] {
        let key = "\(versions.current(tenant.slug))|\(tenant.today)"
        if let known = memo.value(tenant.slug, key: key) { return known }
        let enabled = directory.enabled(tenant.slug)
        let figures = try await database.read { db in
            try FeedbackStats.load(db).indicators + enabled.flatMap { try $0.indicators(db, tenant) }
        }
        let byID = Dictionary(figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        memo.store(tenant.slug, key: key, value: byID)
        return byID
    }
}
