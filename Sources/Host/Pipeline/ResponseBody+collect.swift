import Hummingbird
import NIOCore

extension ResponseBody {
    /// Reads the whole body into one buffer (pages are small and rendered in memory already).
    func collect() async throws -> ByteBuffer {
        let sink = Sink()
        try await write(CollectingWriter(sink: sink))
        return sink.buffer
    }
}

/// Accumulates written buffers; used by one task at a time, inside `collect()`.
private final class Sink {
    var buffer = ByteBuffer()
}

private struct CollectingWriter: ResponseBodyWriter {
    let sink: Sink

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        sink.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
