/// A role an account holds in one tenant. Roles never carry over to another tenant.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// Manages modules, users and settings of the tenant; holds every permission.
    case admin
    /// Edits the content of enabled modules (optionally of one module only).
    case editor
    /// Moderates comments and suggestions.
    case moderator
    /// A registered citizen.
    case citizen
}

/// One role granted to an account, optionally limited to one module (an editor of `pages` only).
public struct RoleGrant: Sendable, Hashable, Codable {
    /// The role granted.
    public let role: Role
    /// The module id the grant is limited to, or `nil` for the whole tenant.
    public let module: String?

    /// Creates a grant of `role`, limited to `module` when given.
    public init(_ role: Role, module: String? = nil) {
        self.role = role
        self.module = module
    }
}
