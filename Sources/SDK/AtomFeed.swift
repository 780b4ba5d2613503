/// An Atom feed of a module's recent changes, for the host's shared `atom` template
/// (`renderer.fragment("atom", model: feed, context:)`); the feed's language is the visitor's.
public struct AtomFeed: TemplateModel {
    /// One entry of the feed.
    public struct Entry: TemplateModel {
        public static let fields = TemplateFields<Self>(["id": \.id, "title": \.title, "updated": \.updated, "author": \.author,
                                                         "href": \.href, "summary": \.summary])
        let id: String, title: String, updated: String, author: String, href: String, summary: String

        /// Creates an entry; `updated` is an RFC 3339 date-time, `href` an absolute path.
        public init(id: String, title: String, updated: String, author: String, href: String, summary: String) {
            self.id = id
            self.title = title
            self.updated = updated
            self.author = author
            self.href = href
            self.summary = summary
        }
    }

    public static let fields = TemplateFields<Self>(["id": \.id, "title": \.title, "updated": \.updated, "selfHref": \.selfHref,
                                                     "siteHref": \.siteHref, "entries": \.entries])
    let id: String, title: String, updated: String, selfHref: String, siteHref: String, entries: [Entry]

    /// Creates a feed: `id` a stable URN, `selfHref` the feed's path, `siteHref` the page it follows.
    public init(id: String, title: String, updated: String, selfHref: String, siteHref: String, entries: [Entry]) {
        self.id = id
        self.title = title
        self.updated = updated
        self.selfHref = selfHref
        self.siteHref = siteHref
        self.entries = entries
    }

    /// The feed as an Atom document, rendered with the host's template.
    public func render(_ context: CivicContext) throws -> String {
        try context.renderer.fragment("atom", model: self, context: context)
    }
}
