import CivicSDK
import Hummingbird

/// Turns every failure inside the tenant router into a page in the visitor's language (JSON under
/// the API): thrown errors, and the bare 4xx answers the router makes itself. A known path asked
/// with a method it does not answer becomes 405 with its exact `Allow`.
struct ErrorStage: RouterMiddleware {
    typealias Context = CivicContext
    let renderer: Renderer
    let routes: TenantRouterHandle

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        do {
            let response = try await next(request, context)
            guard response.status.code >= 400, response.headers[.contentType] == nil else { return response }
            throw HTTPError(response.status)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil
            && routes.methods?.refuses(path, method: request.method) == true {
            return page(for: HTTPError(.methodNotAllowed), request: request, context: context)
        } catch {
            return page(for: error, request: request, context: context)
        }
    }

    private func page(for error: any Error, request: Request, context: CivicContext) -> Response {
        let path = request.uri.path
        var response = ErrorPages.response(for: error, api: path.hasPrefix("/api/"), changing: RequestForm.isStateChanging(request.method),
                                           chrome: renderer.chrome(context), renderer: renderer, logger: context.logger)
        if response.status == .methodNotAllowed, let allow = routes.methods?.allow(path) { response.headers[.allow] = allow }
        return response
    }
}
