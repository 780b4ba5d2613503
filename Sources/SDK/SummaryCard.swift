/// A module's card on its tenant's home page, already in the visitor's language.
public struct SummaryCard: Sendable, Hashable {
    /// One link in the card.
    public struct Item: Sendable, Hashable {
        /// Link text.
        public let label: String
        /// Link target (absolute path, tenant root included).
        public let href: String
        /// Creates a link.
        public init(label: String, href: String) {
            self.label = label
            self.href = href
        }
    }

    /// Card heading.
    public let title: String
    /// A sentence under the heading.
    public let text: String
    /// Links listed in the card.
    public let items: [Item]
    /// The "see all" link.
    public let link: Item?

    /// Creates a card.
    public init(title: String, text: String, items: [Item], link: Item?) {
        self.title = title
        self.text = text
        self.items = items
        self.link = link
    }
}
