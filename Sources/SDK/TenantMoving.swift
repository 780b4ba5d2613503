/// The tenant is being handed over to another host (`opencommune tenant move`): it keeps serving
/// reads, and refuses every change until the new host serves it. Wrapped in ``StorageUnavailable``,
/// so the visitor is told that nothing was saved and to try again in a few seconds.
public struct TenantMoving: Error, CustomStringConvertible {
    /// The tenant being moved.
    public let slug: String

    /// The refusal of a change to `slug` while it moves.
    public init(slug: String) { self.slug = slug }

    public var description: String { "tenant \(slug) is moving to another host and takes no change until it is served there" }
}
