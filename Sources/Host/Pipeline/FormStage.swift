@_spi(Host) import CivicSDK
import Hummingbird

/// Reads the body of a change: size limits (413), encoding (415/400) and the form token (403), or
/// the same-origin check for the forms of shared pages; a request with an access token sends no
/// form token and may send JSON.
struct FormStage: RouterMiddleware {
    typealias Context = CivicContext
    let renderer: Renderer
    let maxBodyBytes: Int
    let maxUploadBytes: Int

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        guard RequestForm.isStateChanging(request.method) else { return try await next(request, context) }
        var request = request
        var context = context
        let locale = context.locale, renderer = renderer
        let bearer = context.tokenAuthenticated
        // a one-click unsubscribe comes from a mail program (RFC 8058), without cookies or form token:
        // the signed token in its address is what allows it, and all it can do is stop mail
        let unsubscribe = context.request.path.hasPrefix(context.root + HostRoute.unsubscribePrefix)
        let form = try await RequestForm.read(&request, limit: maxBodyBytes, uploadLimit: maxUploadBytes,
                                              expectedCSRF: bearer || unsubscribe ? nil : context.csrfToken, tokenAuthenticated: bearer,
                                              sameOrigin: unsubscribe || (context.account == nil && RequestForm.isSameOrigin(request)),
                                              messages: { renderer.text($0, module: nil, locale: locale) })
        context.receive(form)
        return try await next(request, context)
    }
}
