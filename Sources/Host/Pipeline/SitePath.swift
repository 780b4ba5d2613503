/// A request path made safe to write back into links: a leading run of slashes and backslashes
/// (`//evil.example/x`, `/\evil.example/x`, which browsers read as another site) becomes one slash,
/// so every link built from the request path stays on this site.
enum SitePath {
    static func local(_ path: String) -> String {
        let rest = path.drop { $0 == "/" || $0 == "\\" }
        return "/" + rest
    }

    /// Whether `path` needs ``local(_:)``.
    static func isLocal(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.dropFirst().hasPrefix("/") && !path.dropFirst().hasPrefix("\\")
    }
}
