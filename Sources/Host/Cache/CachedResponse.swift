import Hummingbird
import NIOCore

/// Builds responses from finished bytes: ETag/304, gzip when accepted, `Vary`.
enum CachedResponse {
    static let vary = "Accept-Encoding, Cookie, Accept-Language"

    /// Freezes a rendered response into a cache entry (gzip computed once here, for a page with no holes).
    static func entry(_ response: Response, body: ByteBuffer, holes: PersonalHoles?) -> PageCache.Entry {
        var headers = response.headers
        headers[.setCookie] = nil
        let etag = "\"\(String(fnv1a(body), radix: 16))\""
        let compressible = holes == nil && Gzip.isCompressible(headers[.contentType])
        return PageCache.Entry(status: response.status, headers: headers, body: body,
                               gzipped: compressible ? Gzip.compress(body) : nil, etag: etag, holes: holes?.layout(of: body))
    }

    /// A page rendered with holes, filled for one signed-in visitor; never stored by the browser or a proxy.
    static func serve(_ layout: PersonalHoles.Layout, headers: HTTPFields, status: HTTPResponse.Status, to request: Request,
                      visitor: PersonalHoles.Visitor) -> Response {
        var headers = headers
        headers[.eTag] = nil
        headers[.cacheControl] = "private, no-store"
        headers[.vary] = vary
        let body = PersonalHoles.fill(layout, with: visitor)
        if Gzip.accepted(request), let gzipped = Gzip.compress(body) {
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(gzipped.readableBytes)
            return Response(status: status, headers: headers, body: .init(byteBuffer: gzipped))
        }
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    static func serve(_ entry: PageCache.Entry, to request: Request) -> Response {
        var headers = entry.headers
        headers[.eTag] = entry.etag
        headers[.vary] = vary
        if request.headers[values: .ifNoneMatch].contains(where: { $0 == entry.etag || $0 == "W/" + entry.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped = entry.gzipped, Gzip.accepted(request) {
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(gzipped.readableBytes)
            return Response(status: entry.status, headers: headers, body: .init(byteBuffer: gzipped))
        }
        headers[.contentLength] = String(entry.body.readableBytes)
        return Response(status: entry.status, headers: headers, body: .init(byteBuffer: entry.body))
    }

    /// Gzips an uncached response in place when it is text and the client accepts gzip.
    static func compressIfAccepted(_ response: inout Response, request: Request) async throws {
        guard Gzip.accepted(request), response.headers[.contentEncoding] == nil, Gzip.isCompressible(response.headers[.contentType]) else { return }
        let body = try await response.body.collect()
        response.headers[.vary] = vary
        if let gzipped = Gzip.compress(body) {
            response.headers[.contentEncoding] = "gzip"
            response.headers[.contentLength] = String(gzipped.readableBytes)
            response.body = .init(byteBuffer: gzipped)
        } else {
            response.body = .init(byteBuffer: body)
        }
    }

    private static func fnv1a(_ buffer: ByteBuffer) -> UInt64 {
        buffer.readableBytesView.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
