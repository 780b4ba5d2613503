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
        services.registry.reloadIfChangedElsewhere()
        // HEAD is answered as GET without the body; only GET, HEAD and POST are served at all
        let isHead = request.method == .head
        var request = request
        if isHead || !SitePath.isLocal(request.uri.path) {
            var head = request.head
            if isHead { head.method = .get }
            // links are built from the path: `//other.example/x` must not become a link to another site
            head.path = SitePath.local(request.uri.path) + (request.uri.query.map { "?" + $0 } ?? "")
            request = Request(head: head, body: request.body)
        }
        let path = request.uri.path
        var response: Response
        var scope = "platform"
        let clientAddress = ClientAddress.resolve(peer: context.clientAddress, headers: request.headers, trusted: services.config.trustedProxies)
        if !services.publicAddress.serves(request.head.authority, registry: services.registry) {
            // a host name nobody configured: answered before any page, cache or absolute link can depend on it
            response = Response(status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "This server does not serve that host name.\n")))
        } else if let cluster = services.config.cluster, path.hasPrefix(ClusterEndpoint.prefix) {
            response = await ClusterEndpoint(services: services, settings: cluster).respond(request)
        } else if request.method != .get && request.method != .post {
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
                .respond(request, address: address, clientAddress: clientAddress, logger: context.logger)
        } else {
            response = await PlatformDispatch(services: services, router: platformRouter)
                .respond(request, clientAddress: clientAddress, logger: context.logger)
        }
        if isHead {
            let length = response.body.contentLength
            response.body = .init()
            if let length, response.headers[.contentLength] == nil { response.headers[.contentLength] = String(length) }
        }
        SecurityHeaders.apply(to: &response, strictTransportSecurity: services.strictTransportSecurity)
        services.metrics.record(status: Int(response.status.code), scope: scope, elapsed: ContinuousClock.now - started)
        return response
    }
}
