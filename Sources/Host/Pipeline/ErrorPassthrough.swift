import Hummingbird

/// Carries an error out of a router untouched. Hummingbird's router turns `HTTPResponseError`s
/// into bare JSON responses; wrapped, they reach the host, which renders them as pages in the
/// visitor's language (or JSON for the API).
struct RoutedError: Error {
    let underlying: any Error
}

/// The first middleware of both routers: wraps every error in ``RoutedError``.
struct ErrorPassthrough<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do { return try await next(request, context) } catch { throw RoutedError(underlying: error) }
    }
}
