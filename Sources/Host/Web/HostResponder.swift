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
    let tenantRouter: RouterResponder<CivicContext>
    /// The methods each tenant path answers, for 405 answers.
    let tenantMethods: RouteMethods
    let platformRouter: RouterResponder<PlatformContext>

    static let sessionCookie = "oc_session"
    static let csrfCookie = "oc_csrf"
    static let adminCookie = "oc_admin"

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
            let inner = resolve(request, path: path)?.2
            let allow = inner.flatMap(tenantMethods.allow) ?? "GET, HEAD, POST"
            response = inner?.hasPrefix("/api/") == true
                ? ErrorPages.json(status: .methodNotAllowed, message: "\(request.method) is not allowed here; allowed: \(allow)")
                : Response(status: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"],
                           body: .init(byteBuffer: ByteBuffer(string: "Method not allowed\n")))
            response.headers[.allow] = allow
        } else if let (entry, root, inner) = resolve(request, path: path) {
            scope = "tenant"
            response = await TenantDispatch(services: services, router: tenantRouter, methods: tenantMethods, entry: entry, root: root, innerPath: inner)
                .respond(request, clientAddress: context.clientAddress, logger: context.logger)
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

    /// The tenant a request is for, its root, and the path inside it; `nil` for platform requests.
    func resolve(_ request: Request, path: String) -> (TenantEntry, String, String)? {
        if let host = request.head.authority, let entry = services.registry.entry(forHost: host) {
            return (entry, "", path.isEmpty ? "/" : path)
        }
        let segments = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard segments.count >= 2, let entry = services.registry.entry(String(segments[1].split(separator: "/").first ?? "")) else {
            return nil
        }
        let slug = entry.tenant.slug
        let rest = String(path.dropFirst(slug.count + 1))
        return (entry, "/\(slug)", rest.isEmpty ? "/" : rest)
    }
}
