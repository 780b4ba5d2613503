import CivicSDK

/// Every address of the platform (no tenant, no root), written once.
enum PlatformRoute: TenantRoute {
    case portal, console, signIn, signOut, admins, tenants, tenant(String), tenantModules(String), tenantAdmins(String)

    var path: String {
        switch self {
        case .portal: "/"
        case .console: "/admin"
        case .signIn: "/admin/login"
        case .signOut: "/admin/logout"
        case .admins: "/admin/admins"
        case .tenants: "/admin/tenants"
        case .tenant(let slug): "/admin/tenants/\(slug)"
        case .tenantModules(let slug): "/admin/tenants/\(slug)/modules"
        case .tenantAdmins(let slug): "/admin/tenants/\(slug)/admins"
        }
    }
}
