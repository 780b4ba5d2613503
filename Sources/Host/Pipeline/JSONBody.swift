import Foundation
import Hummingbird
import NIOCore

/// A JSON response from plain dictionaries and arrays, keys sorted so equal data gives equal bytes.
enum JSONBody {
    static func response(_ object: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
