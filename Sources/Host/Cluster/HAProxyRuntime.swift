import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HAProxy's runtime API on its admin socket: the maps are changed in the running process, with no
/// reload and no connection dropped (`set map`, `add map`, `show map`).
struct HAProxyRuntime: Sendable {
    let socket: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Points `key` at `backend` in the map loaded from `map` (the path haproxy.cfg names).
    func set(map: String, key: String, backend: String) throws {
        let answer = try command("set map \(map) \(key) \(backend)")
        guard !answer.isEmpty else { return }
        // an entry the map does not have yet is added
        guard answer.localizedCaseInsensitiveContains("not found") else { throw Failure(description: "HAProxy refused to set \(key) in \(map): \(answer)") }
        let added = try command("add map \(map) \(key) \(backend)")
        guard added.isEmpty else { throw Failure(description: "HAProxy refused to add \(key) to \(map): \(added)") }
    }

    /// The entries of the running map, as `key → backend`.
    func show(map: String) throws -> [String: String] {
        let answer = try command("show map \(map)")
        guard !answer.localizedCaseInsensitiveContains("unknown map") else { throw Failure(description: "HAProxy has no map \(map): \(answer)") }
        var entries: [String: String] = [:]
        for line in answer.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3 { entries[String(fields[1])] = String(fields[2]) }
        }
        return entries
    }

    /// Sends one command and returns HAProxy's answer, trimmed (empty means done).
    func command(_ line: String) throws -> String {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(socket.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { throw Failure(description: "socket path too long: \(socket)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
            raw[path.count] = 0
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "HAProxy's runtime API does not answer on \(socket): \(String(cString: strerror(errno)))") }
        let request = Array((line + "\n").utf8)
        guard request.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == request.count else {
            throw Failure(description: "cannot write to \(socket)")
        }
        // one command per connection: HAProxy answers, then closes
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
