import Foundation
import Synchronization

/// Counts failed sign-ins per key (tenant + address, tenant + e-mail) in a sliding window and
/// refuses further attempts once the limit is reached.
final class LoginThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether any of `keys` has reached the limit.
    func isBlocked(_ keys: [String], now: Date = Date()) -> Bool {
        failures.withLock { state in
            keys.contains { key in (state[key] ?? []).filter { now.timeIntervalSince($0) < window }.count >= limit }
        }
    }

    func recordFailure(_ keys: [String], now: Date = Date()) {
        failures.withLock { state in
            for key in keys { state[key] = (state[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now] }
            if state.count > 100_000 { state = state.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        }
    }

    func reset(_ keys: [String]) {
        failures.withLock { state in for key in keys { state[key] = nil } }
    }
}
