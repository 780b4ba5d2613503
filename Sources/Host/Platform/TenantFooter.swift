import CivicSDK
import Foundation

/// What every page of a tenant shows at its foot: how to reach the commune, and its legal notice,
/// privacy notice and accessibility statement, each a public page of the site chosen in the settings.
struct TenantFooter: Sendable, Hashable, Codable {
    /// Address, e-mail, telephone, opening hours, per language.
    var contact: LocalizedText = [:]
    /// Paths inside the tenant (`/pages/mentions-legales`).
    var legal: String?
    var privacy: String?
    var accessibility: String?

    /// The footer stored as JSON in `platform.sqlite`, or an empty one.
    init(json: String?) {
        self = json.flatMap { try? JSONDecoder().decode(TenantFooter.self, from: Data($0.utf8)) } ?? TenantFooter()
    }

    init(contact: LocalizedText = [:], legal: String? = nil, privacy: String? = nil, accessibility: String? = nil) {
        self.contact = contact
        self.legal = legal
        self.privacy = privacy
        self.accessibility = accessibility
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }

    /// The notices as (string key, path): those that are set, and the privacy notice always (the
    /// platform's own at `/privacy` when no page was chosen).
    var notices: [(key: String, path: String)] {
        [("legal", legal), ("privacy", privacy ?? HostRoute.privacy.path), ("accessibility", accessibility)].compactMap { key, path in path.map { (key, $0) } }
    }
}
