import Synchronization

/// Renders of the same page that are under way, so that when a change drops a busy page the many
/// visitors asking for it at once wait for one rendering instead of each doing their own.
final class RenderFlights: Sendable {
    /// What joining a flight gives.
    enum Joined: Sendable {
        /// Nobody renders the page: the caller does, then calls ``land(_:with:)``.
        case lead
        /// The page another request rendered (`nil` when it could not be shared).
        case landed(PageCache.Entry?)
    }

    private let waiting = Mutex<[String: [CheckedContinuation<Joined, Never>]]>([:])

    func join(_ key: String) async -> Joined {
        await withCheckedContinuation { continuation in
            let leads = waiting.withLock { waiting in
                guard waiting[key] != nil else {
                    waiting[key] = []
                    return true
                }
                waiting[key]!.append(continuation)
                return false
            }
            if leads { continuation.resume(returning: .lead) }
        }
    }

    /// The leader's rendering is done: everyone waiting gets `entry`.
    func land(_ key: String, with entry: PageCache.Entry?) {
        let waiters = waiting.withLock { $0.removeValue(forKey: key) ?? [] }
        for waiter in waiters { waiter.resume(returning: .landed(entry)) }
    }
}
