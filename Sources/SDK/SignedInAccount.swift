/// The account signed in for the current request, with its roles in the current tenant.
public struct SignedInAccount: Sendable, Hashable {
    /// Row id in the tenant's `account` table.
    public let id: Int64
    /// Sign-in e-mail address.
    public let email: String
    /// Name shown on pages.
    public let displayName: String
    /// Roles held in this tenant.
    public let grants: Set<RoleGrant>
    /// For a request authenticated by a personal access token: the permissions the token may use
    /// (within the account's own); `nil` for a browser session, which may use them all.
    public let scopes: Set<String>?

    /// Creates an account description.
    public init(id: Int64, email: String, displayName: String, grants: Set<RoleGrant>, scopes: Set<String>? = nil) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.grants = grants
        self.scopes = scopes
    }

    /// Whether the account holds `role` (in any scope).
    public func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }

    /// Whether the account holds any staff role (admin, editor, moderator).
    public var isStaff: Bool { grants.contains { $0.role != .citizen } }
}
