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
        if let db = error as? DatabaseError, [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_CORRUPT,
                                               .SQLITE_NOTADB].contains(db.resultCode) {
            logger.error("tenant storage unavailable: \(db)")
            return (.serviceUnavailable, nil)
        }
        logger.error("unexpected error: \(error)")
        return (.internalServerError, nil)
    }

    /// The answer to a failed request: JSON under the API, else a page with the given chrome.
    static func response(for error: any Error, api: Bool, chrome: Chrome, renderer: Renderer, logger: Logger) -> Response {
        let (status, message) = describe(error, logger: logger)
        guard api else { return page(status: status, message: message, chrome: chrome, renderer: renderer) }
        return json(status: status, message: message ?? renderer.text("error.title.\(status.code)", module: nil, locale: chrome.locale))
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
        var data: [String: Any] = ["status": code, "heading": title,
                                   "explanation": renderer.text("error.explanation.\(key)", module: nil, locale: chrome.locale)]
        if let message, !message.isEmpty, code < 500 { data["message"] = message }
        if code == 401 { data["signIn"] = chrome.tenant == nil ? "/admin/login" : "\(chrome.root)/login" }
        var response = (try? renderer.render("error", title: title, data: data, chrome: chrome, status: status, cache: .perVisitor))
            ?? Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: title)))
        response.headers[.cacheControl] = "no-store"
        if status == .methodNotAllowed { response.headers[.allow] = "GET, POST" }
        return response
    }
}
