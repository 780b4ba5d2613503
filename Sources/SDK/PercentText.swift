/// A percentage as a page shows it: `{{progress}}` gives the words ("40 %" in French with a narrow
/// no-break space, "40%" in English, "40%" or "٤٠٪" in Arabic), `{{progress.value}}` the number
/// (for a bar's width).
public struct PercentText: TemplateModel, CustomStringConvertible, Hashable {
    public static let fields = TemplateFields<Self>(["value": \.value, "text": \.text])
    /// The whole percentage.
    public let value: Int
    /// As the page's language writes it.
    public let text: String

    /// `value` % in `locale`, with the tenant's `digits`.
    public init(_ value: Int, locale: String, digits: TenantFormats.Digits = .western) {
        self.value = value
        let number = NumberText.format(value, locale: locale, digits: digits)
        switch locale {
        case "fr": text = number + "\u{202F}%"
        case "ar": text = number + (digits == .eastern ? "\u{066A}" : "%")
        default: text = number + "%"
        }
    }

    /// The words, so `{{progress}}` alone shows them.
    public var description: String { text }
}
