import CivicSDK
import Foundation

/// A tenant another host of the cluster serves, as this host's portal and platform console list it.
/// `opencommune cluster scan`, `tenant move` and `tenant recover` send every host the whole list
/// (`POST /_cluster/directory`); it is kept in `platform.sqlite`, so a restarted host lists it still.
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

    /// Its name in `locale`, else in another of its languages.
    func displayName(_ locale: String) -> String {
        name[locale] ?? name["fr"] ?? name.values.sorted().first ?? slug
    }

    /// Its home page, through HAProxy like every link of the portal.
    var home: String { hosts.first.map { "//\($0)/" } ?? "/\(slug)/" }
}
