import CivicSDK
import Synchronization

/// When each part of each tenant's content last changed.
///
/// - Each tenant has a version, moved by every write of public content to it or to one of its
///   instances: values computed from all of a tenant's content (figures, the search index) are
///   kept per version.
/// - Each table of each tenant database has a stamp, the clock's value at its last change
///   (`"<slug>/<table>"`; `"<slug>/*"` moves with any of them). A cached page records the clock
///   before it was rendered and the tables it read (``ReadLedger``): it holds while none of them
///   moved since.
/// - Changes outside the tenant databases (the platform's registry: a tenant renamed, a module
///   enabled, a setting; a tenant restored) move everything.
final class ContentVersions: Sendable {
    private struct State {
        var versions: [String: UInt64] = [:]
        var stamps: [String: UInt64] = [:]
        /// Last change of anything at all.
        var everything: UInt64 = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())

    func current(_ slug: String) -> UInt64 { state.withLock { $0.versions[slug, default: 0] } }

    /// The clock now: a page rendered from here holds while what it reads has no later stamp.
    var now: UInt64 { state.withLock { $0.clock } }

    /// A committed write of public content to `slug` changed `tables`; `parent` is its commune,
    /// whose figures and index include it.
    func changed(_ slug: String, tables: Set<String>, parent: String?) {
        state.withLock { state in
            state.clock += 1
            for table in tables { state.stamps["\(slug)/\(table)"] = state.clock }
            state.stamps["\(slug)/\(ReadLedger.anyTable)"] = state.clock
            state.versions[slug, default: 0] &+= 1
            if let parent { state.versions[parent, default: 0] &+= 1 }
        }
    }

    /// Something every page of every tenant may show changed (the registry), or `slug` was replaced whole.
    func bump(_ slug: String) {
        state.withLock { state in
            state.clock += 1
            state.everything = state.clock
            state.versions[slug, default: 0] &+= 1
        }
    }

    /// Whether nothing in `reads` changed after the clock read `since`.
    func unchanged(_ reads: some Sequence<String>, since: UInt64) -> Bool {
        state.withLock { state in
            guard state.everything <= since else { return false }
            for read in reads where state.stamps[read, default: 0] > since { return false }
            return true
        }
    }
}
