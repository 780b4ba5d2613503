import CivicSDK
import Foundation
import Hummingbird
import NIOCore

/// The JSON API's own rules, under `/api/`: `?locale=` must be a known locale and resolves every
/// translated field of the answer; a change needs a token (or a session with its form token); a
/// successful read is the same for everyone, so it may be cached by anyone and read from any site.
struct APIStage: RouterMiddleware {
    typealias Context = CivicContext
    let renderer: Renderer

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let locale = request.uri.queryParameters["locale"].map(String.init)
        if let locale, !Locales.isSupported(locale) {
            throw HTTPError(.badRequest, message: "locale must be one of \(Locales.supported.joined(separator: ", "))")
        }
        let isRead = request.method == .get || request.method == .head
        if !isRead, context.account == nil {
            throw HTTPError(.unauthorized, message: renderer.text("api.error.token", module: nil, locale: context.locale))
        }
        var response = try await next(request, context)
        if isRead {
            if response.status == .ok, response.headers[.cacheControl] == nil {
                response.headers[.cacheControl] = "public, max-age=0, must-revalidate"
            }
            if response.status == .ok, let locale, response.headers[.contentType]?.hasPrefix("application/json") == true {
                let body = Data(buffer: try await response.body.collect())
                let data = APILocale.apply(body, locale: locale, fallbacks: context.tenant.locales) ?? body
                response.body = .init(byteBuffer: ByteBuffer(bytes: data))
                response.headers[.contentLength] = String(data.count)
            }
            response.headers[.accessControlAllowOrigin] = "*"
        }
        return response
    }
}
