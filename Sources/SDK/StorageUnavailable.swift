import Foundation

/// A tenant's storage refused a write (disk full, read-only file system, folder gone). The host
/// answers 503 with a message saying nothing was saved; the caller must leave nothing half-written
/// (the database transaction rolls back, and a file already stored for it is removed).
public struct StorageUnavailable: Error, CustomStringConvertible {
    /// The file-system error behind it, for the log.
    public let underlying: any Error

    /// Wraps the file-system error `underlying`.
    public init(_ underlying: any Error) { self.underlying = underlying }

    /// The underlying error, for the log.
    public var description: String { "tenant storage unavailable: \(underlying)" }
}
