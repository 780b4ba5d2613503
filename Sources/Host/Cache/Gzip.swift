import CompressNIO
import Hummingbird
import NIOCore

/// gzip for text responses when the client accepts it.
enum Gzip {
    static let minimumSize = 1_024

    static func accepted(_ request: Request) -> Bool {
        request.headers[values: .acceptEncoding].contains { value in
            value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("gzip") && !$0.contains("q=0") }
        }
    }

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/") || type.contains("json") || type.contains("xml") || type.contains("svg") || type.contains("javascript")
    }

    /// The gzipped bytes, or `nil` when compressing would not help.
    static func compress(_ body: ByteBuffer) -> ByteBuffer? {
        guard body.readableBytes >= minimumSize else { return nil }
        var input = body
        return try? input.compress(with: .gzip())
    }
}
