/// A date or time as a page shows it: the words people read, and the machine form for
/// `<time datetime>`. Templates write `<time datetime="{{at.datetime}}">{{at}}</time>`.
public struct TimeText: TemplateModel, CustomStringConvertible, Hashable {
    public static let fields = TemplateFields<Self>(["datetime": \.datetime, "text": \.text])
    /// ISO 8601 (`2026-12-01`, `2026-12-01T15:05+01:00`, `2026-12`).
    public let datetime: String
    /// As people write it (`1 décembre 2026`).
    public let text: String

    /// A time shown as `text`, `datetime` for machines.
    public init(datetime: String, text: String) {
        self.datetime = datetime
        self.text = text
    }

    /// The words, so `{{at}}` alone shows them.
    public var description: String { text }
}
