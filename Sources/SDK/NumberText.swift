import Foundation

/// Numbers as people of each language write them: French "1 234,5" (narrow no-break space between
/// thousands, decimal comma), Moroccan Arabic "1.234,5" (Western digits, as used in Morocco),
/// English "1,234.5". Machine formats (CSV, JSON, API) keep plain numbers.
public enum NumberText {
    static func separators(_ locale: String) -> (decimal: String, group: String) {
        switch locale {
        case "fr": (",", "\u{202F}")
        case "ar": (",", ".")
        default: (".", ",")
        }
    }

    /// `value` with at most `fractionDigits` decimals (none when it is whole).
    public static func format(_ value: Double, locale: String, fractionDigits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        let scale = pow10(fractionDigits)
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int64(rounded.rounded(.towardZero))
        var fraction = Int64(((rounded - Double(whole)) * scale).rounded())
        var digits = fractionDigits
        while digits > 0 && fraction % 10 == 0 && fraction != 0 { fraction /= 10; digits -= 1 }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        let (decimal, _) = separators(locale)
        let fractionText = fraction == 0 ? "" : decimal + String(repeating: "0", count: max(0, digits - String(fraction).count)) + String(fraction)
        return sign + grouped(whole, locale: locale) + fractionText
    }

    /// `value` for machines (CSV, audit log): no grouping, a point before one decimal, none when whole.
    public static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    /// A whole number with its thousands grouped.
    public static func format(_ value: Int, locale: String) -> String {
        (value < 0 ? "-" : "") + grouped(Int64(abs(value)), locale: locale)
    }

    private static func grouped(_ value: Int64, locale: String) -> String {
        let digits = Array(String(value))
        guard digits.count > 3 else { return String(digits) }
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output += separators(locale).group }
            output.append(digit)
        }
        return output
    }

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
