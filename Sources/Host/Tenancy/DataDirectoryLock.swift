import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on `<data-dir>/server.lock` that keeps a restore and a running server apart.
/// A server holds it shared for as long as it runs; a restore, which replaces database files the
/// server would keep writing to (deleted files, whose changes vanish at the next start), needs it
/// exclusively. The lock dies with its process, so a crashed server leaves nothing to clean up.
final class DataDirectoryLock: Sendable {
    enum Holder {
        /// A running server (several may share a data directory).
        case server
        /// A restore, alone.
        case restore
    }

    private let descriptor: Int32

    init(directory: String, for holder: Holder) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/server.lock"
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ConfigError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, (holder == .server ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(descriptor)
            switch holder {
            case .server:
                throw ConfigError("a restore is running on data directory \(directory): start the server once it has finished")
            case .restore:
                throw ConfigError("""
                    a server is running on data directory \(directory): stop it, restore, then start it again \
                    (a running server keeps the replaced database open, and changes it accepted after the restore would be lost)
                    """)
            }
        }
    }

    deinit { close(descriptor) }
}
