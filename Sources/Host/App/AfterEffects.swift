import Synchronization

/// Work started by a request that its answer does not wait for (recording figures after a change).
/// Each job runs in its own task; ``idle()`` waits until none is left, for a graceful stop and for tests.
final class AfterEffects: Sendable {
    private let running = Mutex<[Int: Task<Void, Never>]>([:])
    private let counter = Atomic<Int>(0)

    /// Starts `job` now, without waiting for it.
    func run(_ job: @escaping @Sendable () async -> Void) {
        let id = counter.add(1, ordering: .relaxed).newValue
        running.withLock { jobs in
            jobs[id] = Task { [weak self] in
                await job()
                _ = self?.running.withLock { $0.removeValue(forKey: id) }
            }
        }
    }

    /// Returns once every job started so far has finished.
    func idle() async {
        while let next = running.withLock({ $0.values.first }) { await next.value }
    }
}
