import Foundation
import Synchronization

/// Counts events per key in a sliding window and refuses further ones once the limit is reached.
///
/// The host throttles sign-ins and citizen input with it; a module may keep its own (answers to a
/// consultation, say). Keys must include the tenant slug so that no limit crosses tenants.
public final class RateLimiter: Sendable {
    /// Events allowed per key within ``window``.
    public let limit: Int
    /// Length of the sliding window, in seconds.
    public let window: TimeInterval
    private let events = Mutex<[String: [Date]]>([:])

    /// Creates a limiter allowing `limit` events per key every `window` seconds.
    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether any of `keys` has reached the limit.
    public func isBlocked(_ keys: [String], now: Date = Date()) -> Bool {
        events.withLock { state in keys.contains { recent(state[$0], now).count >= limit } }
    }

    /// Counts one event for each of `keys`.
    public func record(_ keys: [String], now: Date = Date()) {
        events.withLock { state in append(keys, now, to: &state) }
    }

    /// Records an event unless a key is already at its limit; returns whether it was allowed.
    public func admit(_ keys: [String], now: Date = Date()) -> Bool {
        events.withLock { state in
            if keys.contains(where: { recent(state[$0], now).count >= limit }) { return false }
            append(keys, now, to: &state)
            return true
        }
    }

    /// Forgets the events of `keys`.
    public func reset(_ keys: [String]) {
        events.withLock { state in for key in keys { state[key] = nil } }
    }

    private func recent(_ dates: [Date]?, _ now: Date) -> [Date] {
        (dates ?? []).filter { now.timeIntervalSince($0) < window }
    }

    private func append(_ keys: [String], _ now: Date, to state: inout [String: [Date]]) {
        for key in keys { state[key] = recent(state[key], now) + [now] }
        if state.count > 100_000 { state = state.filter { !recent($0.value, now).isEmpty } }
    }
}
