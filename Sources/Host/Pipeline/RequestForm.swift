import CivicSDK
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// Reads and checks the body of a state-changing request: size limit (413), form encoding (415/400), CSRF token (403).
enum RequestForm {
    static func isStateChanging(_ method: HTTPRequest.Method) -> Bool {
        method != .get && method != .head && method != .options
    }

    /// Collects the body (replacing it in `request`) and returns the parsed form after checking `_csrf` against `expected`.
    /// `limit` applies to url-encoded forms, `uploadLimit` to multipart forms (which carry files).
    /// `sameOrigin` stands in for the token on forms of shared (cached) pages, which cannot hold a
    /// per-visitor token: only for anonymous visitors, who have no session to ride.
    /// `tokenAuthenticated`: the request carries a personal access token, not cookies, so no CSRF check
    /// applies; it may send a JSON object of scalar fields instead of a form.
    static func read(_ request: inout Request, limit: Int, uploadLimit: Int, expectedCSRF: String?, tokenAuthenticated: Bool = false,
                     sameOrigin: Bool = false, messages: (String) -> String) async throws -> FormData {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        let boundary = MultipartForm.boundary(request.headers[.contentType] ?? "")
        let limit = boundary == nil ? limit : uploadLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge, message: messages("error.body_too_large"))
        }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: limit) } catch let error as HTTPError where error.status == .contentTooLarge {
            throw HTTPError(.contentTooLarge, message: messages("error.body_too_large"))
        } catch is NIOTooManyBytesError {
            // a body already in memory (no Content-Length, not streamed) reports its excess this way
            throw HTTPError(.contentTooLarge, message: messages("error.body_too_large"))
        } catch {
            // the HTTP parser could not read the body (unknown transfer coding, bad chunk): the client's fault
            throw HTTPError(.badRequest, message: messages("error.malformed_form"))
        }
        let form: FormData
        if let boundary {
            do { form = try MultipartForm.parse(body, boundary: boundary) } catch {
                throw HTTPError(.badRequest, message: messages("error.malformed_form"))
            }
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            guard let text = body.getString(at: body.readerIndex, length: body.readableBytes), text.utf8.allSatisfy({ $0 != 0 }) else {
                throw HTTPError(.badRequest, message: messages("error.malformed_form"))
            }
            do { form = try FormData(urlEncoded: text) } catch {
                throw HTTPError(.badRequest, message: messages("error.malformed_form"))
            }
        } else if tokenAuthenticated, type.hasPrefix("application/json") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw HTTPError(.badRequest, message: messages("error.malformed_json"))
            }
            var fields: [String: [String]] = [:]
            for (name, value) in object {
                guard !name.isEmpty else { throw HTTPError(.badRequest, message: messages("error.malformed_json")) }
                switch value {
                case let text as String: fields[name] = [text]
                // a JSON true or false is an NSNumber too; no field of the API takes one
                case let number as NSNumber where String(cString: number.objCType) != "c": fields[name] = [number.stringValue]
                // text per locale: at least one, and only locales the platform knows
                case let texts as [String: String] where !texts.isEmpty && texts.keys.allSatisfy(Locales.isSupported):
                    for (locale, text) in texts { fields["\(name).\(locale)"] = [text] }
                default: throw HTTPError(.badRequest, message: messages("error.malformed_json"))
                }
            }
            form = FormData(fields: fields)
        } else if body.readableBytes == 0 {
            form = .empty
        } else {
            throw HTTPError(.unsupportedMediaType, message: messages("error.unsupported_form"))
        }
        if tokenAuthenticated { return form }
        if let expectedCSRF, let sent = form["_csrf"], RandomToken.equal(sent, expectedCSRF) { return form }
        guard sameOrigin, form["_csrf"] == nil else { throw HTTPError(.forbidden, message: messages("error.csrf")) }
        return form
    }

    /// Whether the browser says the request comes from a page of this same site: `Sec-Fetch-Site`
    /// when sent (browsers forbid scripts to set it), else `Origin` against `Host`.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[fetchSite] { return site == "same-origin" }
        guard let origin = request.headers[.origin], let host = request.head.authority,
              let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == host.lowercased()
    }

    private static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
