import CivicSDK
import Foundation
import GRDB
import Hummingbird
import Logging

/// Turns any error into a page in the visitor's language (or JSON for API routes).
enum ErrorPages {
    /// Status and message for people; internal details go to the log only.
    static func describe(_ error: any Error, logger: Logger) -> (HTTPResponse.Status, String?) {
        if let routed = error as? RoutedError { return describe(routed.underlying, logger: logger) }
        if let http = error as? HTTPError { return (http.status, http.body) }
        if let http = error as? any HTTPResponseError { return (http.status, nil) }
        if isMoving(error) {
            logger.notice("\(error)")
            return (.serviceUnavailable, nil)
        }
        if isStorageFailure(error) {
            logger.error("tenant storage unavailable: \(error)")
            return (.serviceUnavailable, nil)
        }
        logger.error("unexpected error: \(error)")
        return (.internalServerError, nil)
    }

    /// Whether the tenant refused a change because it is moving to another host.
    static func isMoving(_ error: any Error) -> Bool {
        if let routed = error as? RoutedError { return isMoving(routed.underlying) }
        return (error as? StorageUnavailable)?.underlying is TenantMoving
    }

    /// Whether the tenant's disk or database refused the request (full, read-only, unreadable, corrupt).
    static func isStorageFailure(_ error: any Error) -> Bool {
        if let routed = error as? RoutedError { return isStorageFailure(routed.underlying) }
        if error is StorageUnavailable { return true }
        guard let db = error as? DatabaseError else { return false }
        return [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_CORRUPT, .SQLITE_NOTADB].contains(db.resultCode)
    }

    /// The answer to a failed request: JSON under the API, else a page with the given chrome. When
    /// the tenant's storage refused a change (`changing`), the answer says that nothing was saved.
    static func response(for error: any Error, api: Bool, changing: Bool, chrome: Chrome, renderer: Renderer, logger: Logger) -> Response {
        var (status, message) = describe(error, logger: logger)
        if status == .serviceUnavailable, changing, isStorageFailure(error) {
            message = renderer.text(isMoving(error) ? "error.moving" : "error.storage", module: nil, locale: chrome.locale)
        }
        var response = api
            ? json(status: status, message: message ?? renderer.text("error.title.\(status.code)", module: nil, locale: chrome.locale))
            : page(status: status, message: message, chrome: chrome, renderer: renderer)
        // a tenant moving to another host takes changes again within seconds; a full disk takes longer
        if status == .serviceUnavailable { response.headers[.retryAfter] = isMoving(error) ? "5" : "120" }
        return response
    }

    /// Machine-readable codes of the API's errors, by HTTP status.
    static func code(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "too_large"
        case 415: "unsupported_media_type"
        case 422: "invalid"
        case 429: "rate_limited"
        case 503: "unavailable"
        default: status.code >= 500 ? "internal" : "error"
        }
    }

    /// `{"error": {"code", "message", "status"}}`, the one error shape of the API.
    static func json(status: HTTPResponse.Status, message: String) -> Response {
        let body = (try? JSONSerialization.data(withJSONObject: ["error": ["code": code(status), "message": message, "status": Int(status.code)]],
                                                options: [.sortedKeys])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func page(status: HTTPResponse.Status, message: String?, chrome: Chrome, renderer: Renderer) -> Response {
        let code = Int(status.code)
        let key = [400, 401, 403, 404, 405, 413, 415, 429, 503].contains(code) ? "\(code)" : "500"
        let title = renderer.text("error.title.\(key)", module: nil, locale: chrome.locale)
        let page = ErrorPage(status: code, heading: title, explanation: renderer.text("error.explanation.\(key)", module: nil, locale: chrome.locale),
                             message: message.flatMap { !$0.isEmpty && (code < 500 || code == 503) ? $0 : nil },
                             signIn: code == 401 ? (chrome.tenant == nil ? PlatformRoute.signIn.path : HostRoute.signIn.path(chrome.root)) : nil)
        var response = (try? renderer.page(page, module: nil, title: title, chrome: chrome, status: status))
            ?? Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: title)))
        response.headers[.cacheControl] = "no-store"
        if status == .methodNotAllowed { response.headers[.allow] = "GET, POST" }
        return response
    }
}
