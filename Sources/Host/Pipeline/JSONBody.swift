import Foundation
import Hummingbird
import NIOCore

/// A JSON response from an `Encodable` document, keys sorted so equal data gives equal bytes.
enum JSONBody {
    static func response(_ document: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
