import Foundation
import Synchronization

/// Limits events per key with a token bucket: `limit` events at once, then one more every
/// `window / limit` seconds. Constant time and memory per key, whatever the limit.
///
/// The host throttles sign-ins, citizen input and API reads with it; a module may keep its own.
/// Keys must include the tenant slug so that no limit crosses tenants.
public final class RateLimiter: Sendable {
    /// Events allowed at once (and per ``window`` on average).
    public let limit: Int
    /// Seconds over which ``limit`` events are allowed.
    public let window: TimeInterval
    private let buckets = Mutex<[String: Bucket]>([:])

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    /// Creates a limiter allowing `limit` events per key every `window` seconds.
    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether any of `keys` has reached the limit.
    public func isBlocked(_ keys: [String], now: Date = Date()) -> Bool {
        buckets.withLock { state in keys.contains { refilled(state[$0], now).tokens < 1 } }
    }

    /// Counts one event for each of `keys`.
    public func record(_ keys: [String], now: Date = Date()) {
        buckets.withLock { state in take(keys, now, from: &state) }
    }

    /// Records an event unless a key is already at its limit; returns whether it was allowed.
    public func admit(_ keys: [String], now: Date = Date()) -> Bool {
        buckets.withLock { state in
            if keys.contains(where: { refilled(state[$0], now).tokens < 1 }) { return false }
            take(keys, now, from: &state)
            return true
        }
    }

    /// Whether `key` has no event counted now (never, or long enough ago to be forgotten).
    public func isUnused(_ key: String, now: Date = Date()) -> Bool {
        buckets.withLock { state in refilled(state[key], now).tokens >= Double(limit) }
    }

    /// Forgets the events of `keys`.
    public func reset(_ keys: [String]) {
        buckets.withLock { state in for key in keys { state[key] = nil } }
    }

    private func refilled(_ bucket: Bucket?, _ now: Date) -> Bucket {
        guard let bucket else { return Bucket(tokens: Double(limit), updated: now) }
        let gained = max(0, now.timeIntervalSince(bucket.updated)) * Double(limit) / window
        return Bucket(tokens: min(Double(limit), bucket.tokens + gained), updated: now)
    }

    private func take(_ keys: [String], _ now: Date, from state: inout [String: Bucket]) {
        for key in keys {
            var bucket = refilled(state[key], now)
            bucket.tokens = max(0, bucket.tokens - 1)
            state[key] = bucket
        }
        // full buckets carry no information: drop them when the table grows
        if state.count > 100_000 { state = state.filter { refilled($0.value, now).tokens < Double(limit) } }
    }
}
