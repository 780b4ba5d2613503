/// An item of one module that another may point to, such as a plan commitment a report evidences.
public struct LinkTarget: Sendable, Hashable {
    /// Stable id, `"<module>:<kind>:<key>"` (e.g. `"plans:commitment:2"`), stored by the linking module.
    public let id: String
    /// Name shown in pickers and links.
    public let title: LocalizedText
    /// Path under the tenant root, such as `"/plans/2"`.
    public let path: String

    /// Creates a link target.
    public init(id: String, title: LocalizedText, path: String) {
        self.id = id
        self.title = title
        self.path = path
    }
}
