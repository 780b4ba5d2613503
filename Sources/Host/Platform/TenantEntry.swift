import CivicSDK
import Foundation

/// A module's state in one tenant: may it be used, is it on, with which settings.
struct ModuleState: Sendable, Hashable {
    var allowed: Bool
    var enabled: Bool
    var settings: [String: String]
}

/// One tenant as the registry knows it.
struct TenantEntry: Sendable, Hashable {
    var tenant: Tenant
    var hosts: [String]
    var modules: [String: ModuleState]
    /// Contact and notices at the foot of its pages.
    var footer = TenantFooter()
    /// The address its mail is sent from, when it has its own (see ``MailSenders``).
    var mailFrom: String?

    func isEnabled(_ module: String) -> Bool { modules[module]?.enabled == true }
}
