import Foundation
/// A figure a module contributes to its tenant's dashboard, such as "pages published".
public struct Indicator: Sendable, Hashable {
    /// Stable id, `"<module>.<name>"`, which plan indicators can link to.
    public let id: String
    /// Label per locale.
    public let title: LocalizedText
    /// Current value.
    public let value: Double
    /// Unit per locale (empty for a plain count).
    public let unit: LocalizedText

    /// Whether the value is a percentage (its unit is `%`), drawn against a scale of 100.
    public var isPercent: Bool { unit.values.values.contains { $0.trimmingCharacters(in: .whitespaces) == "%" } }

    /// Creates an indicator.
    public init(id: String, title: LocalizedText, value: Double, unit: LocalizedText = [:]) {
        self.id = id
        self.title = title
        self.value = value
        self.unit = unit
    }
}
