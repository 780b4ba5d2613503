import CivicSDK

/// What the layout around every page needs to know about the visitor and the site.
struct Chrome: Sendable {
    var locale: String
    /// The tenant, or `nil` on platform pages.
    var tenant: Tenant?
    var root: String
    /// Requested path, for the language switcher.
    var path: String
    var account: SignedInAccount?
    var csrf: String
    /// Enabled module ids in navigation order.
    var modules: [String]
    /// Name and address of an instance's parent commune.
    var parent: (name: String, href: String)?
    /// The tenant's contact and notices.
    var footer = TenantFooter()
    /// What the visitor just did, said in a banner above the page.
    var notice: Notice?
    /// Whether the visitor is a platform admin (platform pages only).
    var platformAdmin: Bool = false

    var locales: [String] { tenant?.locales ?? Locales.supported }
}
