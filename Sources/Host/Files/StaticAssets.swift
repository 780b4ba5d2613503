import Foundation
import Hummingbird
import NIOCore

/// The host's CSS and images, read once at start and served with long-lived caching.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
    }

    private let assets: [String: Asset]

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            throw ConfigError("the host's Static resources are missing next to the executable")
        }
        var assets: [String: Asset] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let type = switch (name as NSString).pathExtension {
            case "css": "text/css; charset=utf-8"
            case "svg": "image/svg+xml"
            case "png": "image/png"
            case "ico": "image/x-icon"
            case "json": "application/json; charset=utf-8"
            default: "application/octet-stream"
            }
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type)
        }
        self.assets = assets
    }

    func response(_ name: String) throws -> Response {
        guard let asset = assets[name] else { throw HTTPError(.notFound) }
        var response = Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=86400"],
                                body: .init(byteBuffer: asset.bytes))
        response.headers[.contentLength] = String(asset.bytes.readableBytes)
        return response
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("static/:name") { _, context in
            try self.response(try context.parameters.require("name"))
        }
    }
}
