/// A period between two days, the end possibly open (a mandate, a membership), as templates show it:
/// `<time datetime="{{from.datetime}}">{{from}}</time> – {{#to}}…{{/to}}`.
public struct TimeSpan: TemplateModel, Hashable {
    public static let fields = TemplateFields<Self>(["from": \.from, "to": \.to])
    /// The first day.
    public let from: TimeText
    /// The last day, `nil` while it goes on.
    public let to: TimeText?

    /// The period from `from` to `to`.
    public init(from: TimeText, to: TimeText?) {
        self.from = from
        self.to = to
    }
}
