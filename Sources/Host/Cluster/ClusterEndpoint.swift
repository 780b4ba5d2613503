import CivicSDK
import Foundation
import Hummingbird
import NIOCore

/// `/_cluster/…`: what `opencommune tenant move|recover` asks of a host, with the cluster's bearer
/// token. Answers JSON; a refused operation is 409 with a message, and leaves nothing half-done.
///
/// - `GET  /_cluster/tenants`: the tenants this host serves.
/// - `POST /_cluster/directory`: the tenants every host serves (JSON list of ``RemoteTenant``), for the portal.
/// - `POST /_cluster/tenants/SLUG/freeze`: read-only, fenced, replica synced, replication stopped → `{"fence": …}`.
/// - `POST /_cluster/tenants/SLUG/thaw`: a move called off.
/// - `POST /_cluster/tenants/SLUG/adopt?from=HOST[&fence=F][&files=URL]`: restore and serve here (files
///   copied from the host at URL, during a move).
/// - `GET  /_cluster/tenants/SLUG/files.tar`: a frozen tenant's files, for the host it moves to.
/// - `POST /_cluster/tenants/SLUG/release`: forget a tenant another host now serves.
/// - `POST /_cluster/tenants/SLUG/rewind?at=ISO8601`: back to an earlier time, in place.
struct ClusterEndpoint {
    static let prefix = "/_cluster/"

    let services: HostServices
    let settings: ClusterSettings

    func respond(_ request: Request) async -> Response {
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        guard let bearer, RandomToken.equal(bearer, settings.token) else {
            var refused = Self.json(.unauthorized, ["error": "the cluster token is missing or wrong"])
            refused.headers[.wwwAuthenticate] = "Bearer"
            return refused
        }
        let parts = request.uri.path.dropFirst(Self.prefix.count).split(separator: "/").map(String.init)
        if parts.count == 3, !ClusterSettings.isName(parts[1]) {
            return Self.json(.badRequest, ["error": "'\(parts[1])' is not a tenant slug"])
        }
        let query = request.uri.queryParameters
        let handover = TenantHandover(services: services, settings: settings)
        do {
            switch (request.method, parts.count, parts.first, parts.last) {
            case (.get, 1, "tenants", _):
                return Self.json(Listing(host: settings.host, tenants: services.registry.all().map { RemoteTenant($0, host: settings.host) }))
            case (.post, 1, "directory", _):
                let body = try await request.body.collect(upTo: 16 * 1_048_576)
                let entries: [RemoteTenant]
                do { entries = try JSONDecoder().decode([RemoteTenant].self, from: body) } catch {
                    return Self.json(.badRequest, ["error": "the directory must be a JSON list of tenants (slug, kind, parent, name, hosts, host): \(error)"])
                }
                try services.registry.replaceDirectory(entries.filter { $0.host != settings.host })
                return Self.json(.ok, ["listed": services.registry.remote().count])
            case (.get, 3, "tenants", "files.tar"):
                return try await files(parts[1], handover: handover)
            case (.post, 3, "tenants", "adopt"):
                guard let from = query["from"].map(String.init) else { throw TenantHandover.Refusal("adopt needs ?from=HOST") }
                let source = query["files"].map { Placement.Host(url: String($0)) }
                let slug = parts[1], fence = query["fence"].map(String.init)
                return Self.json(.ok, ["adopted": try await Self.offThread { try handover.adopt(slug, from: from, fence: fence, files: source) }])
            case (.post, 3, "tenants", let action?):
                let slug = parts[1]
                let at = try query["at"].map { try Self.timestamp(String($0)) }
                let done: [String: any Sendable] = try await Self.offThread {
                    switch action {
                    case "freeze": return ["fence": try handover.freeze(slug)]
                    case "thaw": try handover.thaw(slug); return ["thawed": slug]
                    case "release": return ["released": try handover.release(slug)]
                    case "rewind":
                        guard let at else { throw TenantHandover.Refusal("rewind needs ?at=TIMESTAMP") }
                        try handover.rewind(slug, to: at)
                        return ["rewound": slug]
                    default: throw HTTPError(.notFound)
                    }
                }
                return Self.json(.ok, done)
            default:
                return Self.json(.notFound, ["error": "no such cluster operation: \(request.method) \(request.uri.path)"])
            }
        } catch let refusal as TenantHandover.Refusal {
            return Self.json(.conflict, ["error": refusal.description])
        } catch let http as HTTPError {
            return Self.json(http.status, ["error": http.body ?? "not found"])
        } catch {
            services.logger.error("cluster operation \(request.uri.path) failed: \(error)")
            return Self.json(.internalServerError, ["error": String(describing: error)])
        }
    }

    /// The tenant's files as a tar archive, streamed from a temporary file removed once sent.
    private func files(_ slug: String, handover: TenantHandover) async throws -> Response {
        let archive = NSTemporaryDirectory() + "opencommune-files-\(RandomToken.make().prefix(12)).tar"
        try await Self.offThread { try handover.archiveFiles(slug, to: archive) }
        guard let handle = FileHandle(forReadingAtPath: archive) else { throw TenantHandover.Refusal("the archive of \(slug)'s files cannot be read") }
        try? FileManager.default.removeItem(atPath: archive)  // the open handle keeps it readable
        return Response(status: .ok, headers: [.contentType: "application/x-tar", .cacheControl: "no-store"], body: ResponseBody { writer in
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        })
    }

    /// An ISO 8601 time, with or without fractions of a second.
    static func timestamp(_ text: String) throws -> Date {
        let format = ISO8601DateFormatter()
        if let date = format.date(from: text) { return date }
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = format.date(from: text) else { throw TenantHandover.Refusal("'\(text)' is not an ISO 8601 time such as 2026-12-01T18:30:00Z") }
        return date
    }

    /// Runs blocking work (Litestream, file moves) on a thread of its own, off Swift's few shared ones.
    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// `GET /_cluster/tenants`: the host's name and the tenants it serves.
    struct Listing: Codable {
        let host: String
        let tenants: [RemoteTenant]
    }

    private static func json(_ status: HTTPResponse.Status, _ object: [String: any Sendable]) -> Response {
        json(status, (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    private static func json(_ listing: Listing) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return json(.ok, (try? encoder.encode(listing)) ?? Data())
    }

    private static func json(_ status: HTTPResponse.Status, _ body: Data) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
