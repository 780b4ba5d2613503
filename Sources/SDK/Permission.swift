/// A named action that a module (or the host) protects, such as `"pages.edit"`.
///
/// The id is prefixed by the module id; ``roles`` are the roles that hold it by default.
/// Tenant admins hold every permission. Its title is the string ``titleKey`` of the module's
/// catalogue (`"plans.permission.edit"` for `plans.edit`), so translators find it with the rest.
public struct Permission: Sendable, Hashable {
    /// Identifier, `"<module>.<action>"`.
    public let id: String
    /// Roles that hold this permission (admins always do).
    public let roles: Set<Role>
    /// Whether a grant limited to one module also gives it (true for opening the console, say).
    public let everyModule: Bool

    /// Creates a permission held by `roles`; `everyModule` lets module-limited grants hold it too.
    public init(_ id: String, roles: Set<Role>, everyModule: Bool = false) {
        self.id = id
        self.roles = roles
        self.everyModule = everyModule
    }

    /// The module id prefix of ``id``.
    public var module: String { String(id.split(separator: ".").first ?? "") }

    /// The key of its title in the string catalogue: `<module>.permission.<action>`.
    public var titleKey: String { "\(module).permission.\(id.dropFirst(module.count + 1))" }
}

/// Every permission known to the running host, used to answer `can(_:)` for an account.
public struct PermissionPolicy: Sendable {
    private let permissions: [String: Permission]

    /// Creates a policy from the permissions of the host and all registered modules.
    public init(_ permissions: [Permission]) {
        self.permissions = Dictionary(permissions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether an account holding `grants` may perform `permissionID`. Unknown permissions are refused.
    public func allows(_ grants: Set<RoleGrant>, _ permissionID: String) -> Bool {
        if grants.contains(where: { $0.role == .admin && $0.module == nil }) { return true }
        guard let permission = permissions[permissionID] else { return false }
        return grants.contains { grant in
            (grant.role == .admin || permission.roles.contains(grant.role))
                && (grant.module == nil || grant.module == permission.module || permission.everyModule)
        }
    }

    /// Every registered permission, by id.
    public var all: [Permission] { permissions.values.sorted { $0.id < $1.id } }

    /// The permission registered under `id`, if any.
    public func permission(_ id: String) -> Permission? { permissions[id] }
}
