import Hummingbird

/// Which methods each registered path pattern answers, so a known path asked with another method
/// gets 405 with an exact `Allow` header rather than 404 (the API's clients and its OpenAPI
/// document rely on it).
struct RouteMethods: Sendable {
    private let patterns: [(segments: [Substring], methods: Set<String>)]

    init<Context>(_ router: Router<Context>) {
        var byPath: [String: Set<String>] = [:]
        for route in router.routes { byPath[route.path.description, default: []].insert(route.method.rawValue) }
        patterns = byPath.map { path, methods in (path.split(separator: "/"), methods) }
    }

    /// The methods some route answers at `path` (GET brings HEAD); empty when no route has that shape.
    private func methods(_ path: String) -> Set<String> {
        let parts = path.split(separator: "/")
        var methods: Set<String> = []
        for pattern in patterns where pattern.segments.count == parts.count
            && zip(pattern.segments, parts).allSatisfy({ Self.isParameter($0) || $0 == $1 }) {
            methods.formUnion(pattern.methods)
        }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods
    }

    /// Whether `path` is a known path that does not answer `method` (a case for 405).
    func refuses(_ path: String, method: HTTPRequest.Method) -> Bool {
        let methods = methods(path)
        return !methods.isEmpty && !methods.contains(method.rawValue)
    }

    /// The `Allow` value for `path`, or `nil` when no route has that shape.
    func allow(_ path: String) -> String? {
        let methods = methods(path)
        return methods.isEmpty ? nil : methods.sorted().joined(separator: ", ")
    }

    private static func isParameter(_ segment: Substring) -> Bool {
        segment.hasPrefix(":") || segment.hasPrefix("{") || segment.hasPrefix("*")
    }
}
