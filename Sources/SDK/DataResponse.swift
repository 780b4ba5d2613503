import Hummingbird
import NIOCore

/// Responses for data a module publishes (CSV, JSON, Atom) and for stored files.
public enum DataResponse {
    /// Content-Security-Policy for user-supplied files served from the site's origin: nothing runs.
    public static let fileSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"

    /// Public data, the same for every anonymous reader (so the page cache keeps it); offered as a
    /// download named `downloadName` when given.
    public static func publicText(_ body: String, contentType: String, downloadName: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "public, max-age=0, must-revalidate"]
        if let downloadName { headers[.contentDisposition] = "attachment; filename=\"\(downloadName)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
