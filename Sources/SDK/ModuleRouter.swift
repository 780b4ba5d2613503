import Hummingbird

/// Where a module mounts its routes. The host adds them under the tenant root and hides them when
/// the module is disabled for the tenant.
public struct ModuleRouter {
    /// Public pages at `{root}/{module}/…`.
    public let site: RouterGroup<CivicContext>
    /// Console pages at `{root}/admin/{module}/…`; only signed-in staff get through.
    public let console: RouterGroup<CivicContext>
    /// JSON API at `{root}/api/v1/{module}/…`.
    public let api: RouterGroup<CivicContext>

    /// Creates a router from the three groups the host prepared.
    public init(site: RouterGroup<CivicContext>, console: RouterGroup<CivicContext>, api: RouterGroup<CivicContext>) {
        self.site = site
        self.console = console
        self.api = api
    }
}
