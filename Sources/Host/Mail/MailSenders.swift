import Foundation

/// Who a tenant's mail is from: the tenant's own address when its admins set one in the settings,
/// else the platform's (`mail.from`); the name shown is always the tenant's.
struct MailSenders: Sendable {
    let platform: MailSettings
    let registry: TenantRegistry

    /// The mail settings for `slug`'s mail.
    func settings(_ slug: String) -> MailSettings {
        var settings = platform
        if let own = registry.entry(slug)?.mailFrom, !own.isEmpty { settings.from = own }
        return settings
    }
}
