/// One section of a generated monitoring report, written in one language (see
/// ``CivicModule/monitoringSections(_:_:period:writer:)``): a heading, paragraphs and tables of text
/// cells, some of them links. Stored as written when the report is published, so it never changes.
public struct MonitoringSection: Codable, Sendable, Equatable {
    /// A table cell: text, and the address it links to (evidence, a commitment's page), if any.
    public struct Cell: Codable, Sendable, Equatable, ExpressibleByStringLiteral, TemplateModel {
        /// What templates read: `text`, `href`.
        public static let fields = TemplateFields<Self>(["text": \.text, "href": \.href])
        public var text: String
        public var href: String?

        /// A cell reading `text`, linking to `href` when given.
        public init(_ text: String, href: String? = nil) {
            self.text = text
            self.href = href
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    /// A table with a caption and a header row.
    public struct Table: Codable, Sendable, Equatable {
        public var caption: String
        public var header: [String]
        public var rows: [[Cell]]

        /// A table; every row should have as many cells as `header`.
        public init(caption: String, header: [String], rows: [[Cell]]) {
            self.caption = caption
            self.header = header
            self.rows = rows
        }
    }

    /// The section's heading.
    public var title: String
    /// Paragraphs before the tables.
    public var paragraphs: [String]
    /// Tables, in order; a table with no rows is left out of the report.
    public var tables: [Table]

    /// A section.
    public init(title: String, paragraphs: [String] = [], tables: [Table] = []) {
        self.title = title
        self.paragraphs = paragraphs
        self.tables = tables
    }
}
