/// An Atom feed of a module's recent changes, for the host's shared `atom` template
/// (`renderer.fragment("atom", model: feed, context:)`); the feed's language is the visitor's.
public struct AtomFeed: TemplateModel {
    /// One entry of the feed.
    public struct Entry: TemplateModel {
        public static let fields = TemplateFields<Self>(["id": \.id, "title": \.title, "updated": \.updated, "author": \.author,
                                                         "href": \.href, "summary": \.summary])
        let id: String, title: String, updated: String, author: String, href: String, summary: String

        /// Creates an entry; `updated` is an RFC 3339 date-time, `href` an absolute path. Characters
        /// XML cannot carry are dropped from every field.
        public init(id: String, title: String, updated: String, author: String, href: String, summary: String) {
            self.id = ExportText.xml(id)
            self.title = ExportText.xml(title)
            self.updated = updated
            self.author = ExportText.xml(author)
            self.href = ExportText.xml(href)
            self.summary = ExportText.xml(summary)
        }
    }

    public static let fields = TemplateFields<Self>(["id": \.id, "title": \.title, "updated": \.updated, "selfHref": \.selfHref,
                                                     "siteHref": \.siteHref, "entries": \.entries])
    let id: String, title: String, updated: String, selfHref: String, siteHref: String, entries: [Entry]

    /// Creates a feed: `id` a stable URN, `selfHref` the feed's path, `siteHref` the page it follows.
    /// Characters XML cannot carry are dropped.
    public init(id: String, title: String, updated: String, selfHref: String, siteHref: String, entries: [Entry]) {
        self.id = ExportText.xml(id)
        self.title = ExportText.xml(title)
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
