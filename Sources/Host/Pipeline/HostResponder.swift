import CivicSDK
import Foundation
import GRDB
import Hummingbird
import NIOCore

/// The server's single entry point: resolves the tenant (host name, then first path segment),
/// the language, the session and the CSRF token, serves anonymous pages from the cache, and
/// hands everything else to the tenant or platform router. Errors become pages in the visitor's language.
struct HostResponder: HTTPResponder {
    typealias Context = HostRequestContext

    let services: HostServices
    let tenantRouter: TenantRouterHandle
    let platformRouter: RouterResponder<PlatformContext>

    func respond(to request: Request, context: HostRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let path = request.uri.path
        services.registry.reloadIfChangedElsewhere()
        // HEAD is answered as GET without the body; only GET, HEAD and POST are served at all
        let isHead = request.method == .head
        var request = request
        if isHead {
            var head = request.head
            head.method = .get
            request = Request(head: head, body: request.body)
        }
        var response: Response
        var scope = "platform"
        if request.method != .get && request.method != .post {
            let inner = TenantAddress(host: request.head.authority, path: path, registry: services.registry)?.innerPath
            let allow = inner.flatMap { tenantRouter.methods?.allow($0) } ?? "GET, HEAD, POST"
            response = inner?.hasPrefix("/api/") == true
                ? ErrorPages.json(status: .methodNotAllowed, message: "\(request.method) is not allowed here; allowed: \(allow)")
                : Response(status: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"],
                           body: .init(byteBuffer: ByteBuffer(string: "Method not allowed\n")))
            response.headers[.allow] = allow
        } else if let address = TenantAddress(host: request.head.authority, path: path, registry: services.registry) {
            scope = "tenant"
            response = await TenantFrontDoor(services: services, router: tenantRouter)
                .respond(request, address: address, clientAddress: context.clientAddress, logger: context.logger)
        } else {
            response = await PlatformDispatch(services: services, router: platformRouter)
                .respond(request, clientAddress: context.clientAddress, logger: context.logger)
        }
        if isHead {
            let length = response.body.contentLength
            response.body = .init()
            if let length, response.headers[.contentLength] == nil { response.headers[.contentLength] = String(length) }
        }
        SecurityHeaders.apply(to: &response)
        services.metrics.record(status: Int(response.status.code), scope: scope, elapsed: ContinuousClock.now - started)
        return response
    }
}
