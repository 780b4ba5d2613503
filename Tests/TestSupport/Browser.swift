import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// One answer of the server, decoded for assertions.
public struct Page: Sendable {
    public let status: HTTPResponse.Status
    public let headers: HTTPFields
    public let body: String

    /// The `Location` header of a redirect.
    public var location: String? { headers[.location] }

    /// The value of the first `_csrf` hidden field, if the page has a form.
    public var csrf: String? { Browser.csrf(in: body) }
}

/// A visitor with a cookie jar: follows the server's cookies and posts forms with their CSRF token.
public struct Browser: Sendable {
    public let client: any TestClientProtocol
    public var cookies: [String: String] = [:]
    /// Headers sent with every request (e.g. `Accept-Language`).
    public var headers: HTTPFields = [:]
    /// The CSRF token of the last page that had a form.
    public var csrf: String?

    public init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    public mutating func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: extra, body: nil)
    }

    /// Posts `fields` url-encoded, adding `_csrf` (the last seen token) unless `csrf` is given (`""` sends none).
    @discardableResult
    public mutating func post(_ path: String, _ fields: [(String, String)], csrf override: String? = nil) async throws -> Page {
        var all = fields
        let token = override ?? csrf ?? ""
        if !token.isEmpty { all.append(("_csrf", token)) }
        let body = Self.encode(all)
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// A file to send in a multipart form.
    public struct Upload: Sendable {
        public let field: String
        public let filename: String
        public let contentType: String
        public let bytes: [UInt8]

        public init(field: String, filename: String, contentType: String, bytes: [UInt8]) {
            self.field = field
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    /// Posts `fields` and `files` as `multipart/form-data`, adding `_csrf` like ``post(_:_:csrf:)``.
    @discardableResult
    public mutating func postMultipart(_ path: String, _ fields: [(String, String)], files: [Upload], csrf override: String? = nil) async throws -> Page {
        let boundary = "----opencommune-test-boundary"
        var body = ByteBuffer()
        var all = fields
        let token = override ?? csrf ?? ""
        if !token.isEmpty { all.append(("_csrf", token)) }
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\n")
            body.writeString("Content-Type: \(file.contentType)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    /// Sends a raw request through the jar.
    public mutating func send(_ path: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var requestHeaders = headers
        requestHeaders.append(contentsOf: extra)
        if !cookies.isEmpty { requestHeaders[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try await client.executeRequest(uri: path, method: method, headers: requestHeaders, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[1])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        if let token = page.csrf { csrf = token }
        return page
    }

    /// Signs in on a tenant (`root` like `/alpha`) through its form; throws unless redirected.
    public mutating func signIn(_ root: String, email: String, password: String = TestHost.password) async throws {
        try await get("\(root)/login")
        let page = try await post("\(root)/login", [("email", email), ("password", password)])
        guard page.status == .seeOther else { throw SignInFailed(status: page.status, body: page.body) }
    }

    /// Signs in to the platform console.
    public mutating func signInPlatform(email: String = "root@platform.test") async throws {
        try await get("/admin/login")
        let page = try await post("/admin/login", [("email", email), ("password", TestHost.password)])
        guard page.status == .seeOther else { throw SignInFailed(status: page.status, body: page.body) }
    }

    public struct SignInFailed: Error {
        public let status: HTTPResponse.Status
        public let body: String
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// `fields` as an url-encoded form body.
    public static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}
