import CivicSDK
import Hummingbird

/// Lets requests into a module's routes only when the module is enabled for the tenant
/// (404 otherwise, as if it did not exist), and only staff into its console routes.
struct ModuleGate: RouterMiddleware {
    typealias Context = CivicContext

    let moduleID: String
    let declared: [ModuleSetting]
    let registry: TenantRegistry
    let console: Bool

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        guard let state = registry.entry(context.tenant.slug)?.modules[moduleID], state.enabled else {
            throw HTTPError(.notFound)
        }
        if console {
            guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
            guard account.isStaff else { throw HTTPError(.forbidden, message: context.text("error.forbidden")) }
        }
        var context = context
        context.module = moduleID
        context.moduleSettings = ModuleSettings(declared: declared, values: state.settings)
        return try await next(request, context)
    }
}
