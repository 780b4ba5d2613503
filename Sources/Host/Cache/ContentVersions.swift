import Synchronization

/// A counter per tenant, bumped by every write to that tenant's content; cached pages carry the
/// version they were rendered at and are dropped when it moves.
final class ContentVersions: Sendable {
    private let versions = Mutex<[String: UInt64]>([:])

    func current(_ slug: String) -> UInt64 { versions.withLock { $0[slug, default: 0] } }

    func bump(_ slug: String) { versions.withLock { $0[slug, default: 0] &+= 1 } }
}
