import CivicSDK
import Foundation
import Hummingbird
import NIOCore

/// `{root}/files/{name}`: a tenant's uploaded files, under the names the platform gave them.
struct TenantFileRoutes {
    func register(on router: Router<CivicContext>) {
        router.get("files/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let (bytes, kind) = try context.files.read(name) else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [
                .contentType: kind.mediaType,
                .contentLength: String(bytes.count),
                .contentDisposition: kind.isImage || kind == .pdf ? "inline" : "attachment; filename=\"\(name)\"",
                // names are random and never reused: the bytes behind one never change
                .cacheControl: "public, max-age=31536000, immutable",
                .contentSecurityPolicy: DataResponse.fileSecurityPolicy,
            ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
