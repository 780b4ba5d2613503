import Foundation
import Hummingbird
import NIOCore

// The framework's own ceiling, for Benchmarks/run.sh: a Hummingbird server with one route that
// answers every GET with the bytes of one file, held in memory. The platform's cached pages are
// compared with it.
//
//   bare-hummingbird FILE PORT

let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[2]), let bytes = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: bare-hummingbird FILE PORT\n".utf8))
    exit(2)
}
let body = ByteBuffer(bytes: bytes)
let router = Router()
router.get("**") { _, _ in
    Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
