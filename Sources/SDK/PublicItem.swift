/// One public item of a module, described once. From it the host derives the links other modules
/// may make to it (``LinkTarget``), whether citizens may comment on it, and what the tenant-wide
/// search finds; a module lists only what is public now (see ``CivicModule/publicItems(_:_:)``).
public struct PublicItem: Sendable {
    /// What the host may do with an item.
    public enum Use: Sendable, Hashable {
        /// Other modules may point to it (a report evidencing a commitment, an answer naming what it changed).
        case link
        /// Citizens may comment on it and make suggestions.
        case feedback
        /// The tenant-wide search finds it.
        case search
        /// It can stand as one of the site's notices at the foot of every page (legal notice,
        /// personal data policy, accessibility statement): a plain page of text.
        case notice
        /// Visitors with an account may follow it, and hear of the ``FollowNews`` its module records.
        case follow
        /// Its suggestions are proposals, each with a title and what it asks (a plan being drafted
        /// with citizens): the form asks for the title, the thread shows it. Goes with ``feedback``.
        case proposals
        /// Its comments and suggestions stay public, answered and linked to, but no new ones are
        /// taken (a drafting phase that has closed). Goes with ``feedback``.
        case closedToInput
    }

    /// Kind of item within the module, such as `"commitment"`.
    public let kind: String
    /// Stable key within the kind (an id, a number or a slug).
    public let key: String
    /// Name shown in results, pickers and links, per locale.
    public let title: LocalizedText
    /// Path under the tenant root, such as `"/plans/2"`.
    public let path: String
    /// Searchable text per locale (summary, body, agenda…), plain or Markdown.
    public let text: LocalizedText
    /// What the host may do with it.
    public let uses: Set<Use>

    /// Creates an item; by default it may be linked to, commented on and searched.
    public init(kind: String, key: String, title: LocalizedText, path: String, text: LocalizedText = LocalizedText([:]),
                uses: Set<Use> = [.link, .feedback, .search]) {
        self.kind = kind
        self.key = key
        self.title = title
        self.path = path
        self.text = text
        self.uses = uses
    }

    /// The item's name within its module, `"<kind>:<key>"`, as comments store it.
    public var item: String { "\(kind):\(key)" }

    /// The link other modules store to it, id `"<module>:<kind>:<key>"`.
    public func target(module: String) -> LinkTarget {
        LinkTarget(id: "\(module):\(item)", title: title, path: path)
    }

    /// Several translatable texts as one, per locale, a line each (a commitment's problem, solution and results).
    public static func text(_ parts: LocalizedText...) -> LocalizedText {
        var joined: [String: [String]] = [:]
        for part in parts { for (locale, value) in part.values where !value.isEmpty { joined[locale, default: []].append(value) } }
        return LocalizedText(joined.mapValues { $0.joined(separator: "\n") })
    }
}
