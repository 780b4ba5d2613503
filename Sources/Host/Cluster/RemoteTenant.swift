import CivicSDK
import Foundation

/// A tenant as a host of the cluster lists it for the others (`GET /_cluster/tenants`), and as the
/// others' portals and platform consoles list it. `opencommune cluster scan`, `tenant move` and
/// `tenant recover` send every host the whole list (`POST /_cluster/directory`); it is kept in
/// `platform.sqlite`, so a restarted host lists it still.
struct RemoteTenant: Codable, Equatable, Sendable {
    typealias Kind = Tenant.Kind

    var slug: String
    var kind: Kind
    var parent: String?
    /// The tenant's name in each of its languages.
    var name: [String: String]
    /// Host names it is served on.
    var hosts: [String]
    /// The cluster host serving it.
    var host: String

    /// `entry`, served by the cluster host `host`.
    init(_ entry: TenantEntry, host: String) {
        self.init(slug: entry.tenant.slug, kind: entry.tenant.kind, parent: entry.tenant.parentSlug, name: entry.tenant.name.values,
                  hosts: entry.hosts, host: host)
    }

    init(slug: String, kind: Kind, parent: String?, name: [String: String], hosts: [String], host: String) {
        (self.slug, self.kind, self.parent, self.name, self.hosts, self.host) = (slug, kind, parent, name, hosts, host)
    }

    /// Its name in `locale`, else in French, else in another of its languages.
    func displayName(_ locale: String) -> String {
        let resolved = LocalizedText(name).resolve(locale, fallbacks: ["fr"])
        return resolved.isEmpty ? slug : resolved
    }

    /// Its home page, through HAProxy like every link of the portal.
    var home: String { TenantLinks.home(slug: slug, hosts: hosts) }
}
