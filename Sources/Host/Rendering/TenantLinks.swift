/// Links between tenants: a tenant reached by host name links to others by path on the platform host.
enum TenantLinks {
    /// Address of `entry`'s home page: its own host name when it has one, else its path.
    static func home(_ entry: TenantEntry) -> String {
        if let host = entry.hosts.first { return "//\(host)/" }
        return "/\(entry.tenant.slug)/"
    }
}
