@_spi(Host) import CivicSDK
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
@testable import OpenCommune

/// One pipeline stage driven alone: a platform with tenant `alpha` (pages enabled) in a temporary
/// folder, requests made by hand, and the next step of the chain a closure the test writes.
final class StageHarness: Sendable {
    let folder = NSTemporaryDirectory() + "oc-stage-" + UUID().uuidString
    let services: HostServices

    init(apiRequestsPerMinute: Int = 600) throws {
        var config = ServerConfig()
        config.dataDirectory = folder
        config.provisioningDirectory = nil
        config.bcryptCost = 4
        config.apiRequestsPerMinute = apiRequestsPerMinute
        var logger = Logger(label: "stage-test")
        logger.logLevel = .critical
        services = try HostServices(config: config, modules: InstalledModules.all, logger: logger)
        try services.tenants.create(.init(slug: "alpha", name: ["fr": "Alpha", "ar": "ألفا", "en": "Alpha"]))
        try services.tenants.enable("alpha", module: "pages")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A GET inside the tenant (`path` with its query).
    static func request(_ path: String, headers: HTTPFields = [:]) -> Request {
        request(.get, path, headers: headers)
    }

    /// A request inside the tenant (`path` with its query), with optional headers and body.
    static func request(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: String = "") -> Request {
        var head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path)
        head.headerFields = headers
        return Request(head: head, body: .init(buffer: ByteBuffer(string: body)))
    }

    /// The context the front door would make for `alpha` reached by path, before any stage ran.
    func context(path: String = "/", locale: String = "fr") throws -> CivicContext {
        let entry = try require(services.registry.entry("alpha"))
        let storage = TenantStorage(database: try services.database("alpha"), files: services.files("alpha"))
        return CivicContext(source: CivicRequestSource(logger: services.logger, tenant: entry.tenant, root: "/alpha", path: "/alpha" + path,
                                                       locale: locale, clientAddress: "127.0.0.9", publicBase: services.publicAddress.base(of: entry, root: "/alpha"),
                                                       storage: storage, host: services.facilities))
    }

    /// A signed-in admin of `alpha`, with a session: its cookie token and its form token.
    func session() async throws -> (token: String, csrf: String) {
        let database = try services.database("alpha")
        let token = try await database.write(.nothingPublic) { db -> String in
            let id = try require(try AccountStore.create(db, email: "admin@alpha.test", displayName: "Admin", passwordHash: "x", grants: [RoleGrant(.admin)]))
            return try AccountStore.createSession(db, accountID: id, days: 1)
        }
        let session = try require(try await database.read { db in try AccountStore.session(db, token: token) })
        return (token, session.csrf)
    }

    /// A response of `status` with `cacheControl`, as a route would answer.
    static func answer(_ status: HTTPResponse.Status = .ok, cacheControl: String = "public, max-age=0, must-revalidate",
                       contentType: String? = "text/html; charset=utf-8", body: String = "page") -> Response {
        var headers: HTTPFields = [.cacheControl: cacheControl]
        if let contentType { headers[.contentType] = contentType }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Response {
    /// The body as text (test helper).
    func text() async throws -> String {
        String(buffer: try await body.collect())
    }

    /// Every `Set-Cookie` value.
    var cookies: [String] { headers[values: .setCookie] }
}

/// The harness is no test: a missing value throws instead of recording an issue.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw HTTPError(.internalServerError, message: "stage harness: missing value") }
    return value
}
