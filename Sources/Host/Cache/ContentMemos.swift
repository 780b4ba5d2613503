import CivicSDK
import Synchronization

/// The host's ``ContentMemo``: each value with the tables computing it read and the content clock
/// before it started (see ``ContentVersions``), kept while none of them moved. Bounded: when full,
/// everything goes and is computed again on demand.
final class ContentMemos: ContentMemo {
    private struct Kept {
        let value: any Sendable
        let reads: Set<String>
        let computedAfter: UInt64
    }

    private let versions: ContentVersions
    private let limit: Int
    private let kept = Mutex<[String: Kept]>([:])

    init(versions: ContentVersions, limit: Int = 8_192) {
        self.versions = versions
        self.limit = limit
    }

    func value<T: Sendable>(_ key: String, tenant: String, compute: () async throws -> T) async rethrows -> T {
        let name = "\(tenant)|\(key)"
        if let known = kept.withLock({ $0[name] }), let value = known.value as? T,
           versions.unchanged(known.reads, since: known.computedAfter) {
            ReadLedger.replay(known.reads)
            return value
        }
        let computedAfter = versions.now
        let (value, reads) = try await ReadLedger.recording(compute)
        kept.withLock { kept in
            if kept.count >= limit { kept.removeAll() }
            kept[name] = Kept(value: value, reads: reads, computedAfter: computedAfter)
        }
        return value
    }
}
