import Synchronization

/// A value the host sets once it has built it, for services built before it: the modules need their
/// services at creation, and the renderer (with what needs it) needs the modules.
final class Late<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    /// Sets the value, once the host has built it.
    func fill(_ value: Value) { self.value.withLock { $0 = value } }

    /// The value, or `nil` while the host is still starting.
    var current: Value? { value.withLock { $0 } }
}
