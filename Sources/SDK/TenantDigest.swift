/// What one module publishes about a consultative instance for its parent commune's pages (see
/// ``CivicModule/publicDigest(_:_:)`` and ``CivicContext/childDigests(_:)``): public facts only,
/// read by the host from the instance's own database, never the other way round.
public struct TenantDigest: Sendable {
    /// The instance.
    public let tenant: Tenant
    /// Address of the instance's home page (ends with `/`).
    public let home: String
    /// The module's public facts, by key (such as `"mandate"`, `"next_meeting"`).
    public let values: [String: String]

    /// Creates a digest; called by the host.
    public init(tenant: Tenant, home: String, values: [String: String]) {
        self.tenant = tenant
        self.home = home
        self.values = values
    }
}
