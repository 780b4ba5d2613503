/// What is wrong with a submitted form, field by field, in the order of the form: the messages for
/// the summary above it (and for the API), and each beside its field (``FormFields/errors``).
public struct FieldProblems: Sendable {
    public private(set) var all: [(field: String, message: String)] = []

    public init() {}

    /// Records that `field` was refused, with the message to show.
    public mutating func add(_ field: String, _ message: String) { all.append((field, message)) }

    public var isEmpty: Bool { all.isEmpty }
    /// Every message, in order.
    public var messages: [String] { all.map(\.message) }
    /// The first message of each field.
    public var byField: [String: String] { Dictionary(all.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first }) }
}
