/// Links between tenants: a tenant reached by host name links to others by path on the platform host.
enum TenantLinks {
    /// Address of `entry`'s home page: its own host name when it has one, else its path.
    static func home(_ entry: TenantEntry) -> String { home(slug: entry.tenant.slug, hosts: entry.hosts) }

    /// Address of the home page of the tenant `slug`, served on `hosts`.
    static func home(slug: String, hosts: [String]) -> String {
        if let host = hosts.first { return "//\(host)/" }
        return "/\(slug)/"
    }
}
