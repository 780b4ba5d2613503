import Hummingbird

/// A place in a tenant, written once: a module describes its pages as an enum conforming to this,
/// and every link, form action and redirect is built from it (`PlanRoute.commitment(2).href(context)`).
public protocol TenantRoute: Sendable {
    /// The path under the tenant root, starting with `/` (a fragment may follow).
    var path: String { get }
}

extension TenantRoute {
    /// The address for a visitor who reached the tenant under `root` (`/tetouan` or `""`).
    public func path(_ root: String) -> String { root + path }

    /// The address for the visitor of `context`.
    public func href(_ context: CivicContext) -> String { context.root + path }
}

extension CivicContext {
    /// A 303 redirect to `route`.
    public func redirect(_ route: some TenantRoute) -> Response { redirect(route.path) }
}

/// Addresses the host serves in every tenant that modules link to.
public enum HostRoute: TenantRoute {
    /// An uploaded file (see ``TenantFiles``).
    case file(String)
    /// The sign-in page.
    case signIn
    /// The page holding the comments and suggestions of `item` of `module`.
    case feedback(module: String, item: String)

    public var path: String {
        switch self {
        case .file(let name): "/files/\(name)"
        case .signIn: "/login"
        case .feedback(let module, let item): "/feedback/on/\(module)/\(item)"
        }
    }
}
