import CivicSDK
import Foundation

/// Small formatting helpers shared by the consultation pages.
enum ConsultationView {
    /// The commitment or instance a consultation is about, as a link, if it is still public.
    static func subject(_ id: String?, links: any LinkService, context: CivicContext) async throws -> ConsultationPage.Subject? {
        guard let id, !id.isEmpty, let target = try await links.targets(context).first(where: { $0.id == id }) else { return nil }
        return ConsultationPage.Subject(title: context.localized(target.title), href: context.root + target.path)
    }
}
