/// One public item a module offers to the tenant-wide search (see ``CivicModule/searchDocuments(_:_:)``).
public struct SearchDocument: Sendable {
    /// Kind of item within the module, such as `"commitment"`.
    public let kind: String
    /// Stable key within the kind (an id or a slug).
    public let key: String
    /// Title per locale.
    public let title: LocalizedText
    /// Searchable text per locale (summary, body, agenda…), plain or Markdown.
    public let body: LocalizedText
    /// Path under the tenant root, such as `"/plans/2"`.
    public let path: String

    /// Several translatable texts as one, per locale, a line each (a commitment's problem, solution and results).
    public static func text(_ parts: LocalizedText...) -> LocalizedText {
        var joined: [String: [String]] = [:]
        for part in parts { for (locale, value) in part.values where !value.isEmpty { joined[locale, default: []].append(value) } }
        return LocalizedText(joined.mapValues { $0.joined(separator: "\n") })
    }

    /// Creates a document.
    public init(kind: String, key: String, title: LocalizedText, body: LocalizedText, path: String) {
        self.kind = kind
        self.key = key
        self.title = title
        self.body = body
        self.path = path
    }
}
