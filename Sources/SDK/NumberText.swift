import Foundation

/// Numbers as people of each language write them: French "1 234,5" (narrow no-break space between
/// thousands, decimal comma), Moroccan Arabic "1.234,5" (Western digits, as used in Morocco),
/// English "1,234.5"; a tenant may choose Eastern Arabic digits for its Arabic pages ("١٬٢٣٤٫٥").
/// Machine formats (CSV, JSON, API) keep plain numbers.
public enum NumberText {
    static func separators(_ locale: String, digits: TenantFormats.Digits) -> (decimal: String, group: String) {
        switch locale {
        case "fr": (",", "\u{202F}")
        case "ar": digits == .eastern ? ("\u{066B}", "\u{066C}") : (",", ".")
        default: (".", ",")
        }
    }

    /// `value` with at most `fractionDigits` decimals (none when it is whole).
    public static func format(_ value: Double, locale: String, fractionDigits: Int = 1, digits digitStyle: TenantFormats.Digits = .western) -> String {
        guard value.isFinite else { return "—" }
        let scale = pow10(fractionDigits)
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int64(rounded.rounded(.towardZero))
        var fraction = Int64(((rounded - Double(whole)) * scale).rounded())
        var places = fractionDigits
        while places > 0 && fraction % 10 == 0 && fraction != 0 { fraction /= 10; places -= 1 }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        let (decimal, group) = separators(locale, digits: digitStyle)
        let fractionText = fraction == 0 ? "" : decimal + String(repeating: "0", count: max(0, places - String(fraction).count)) + String(fraction)
        return written(sign + grouped(whole, separator: group) + fractionText, locale: locale, digits: digitStyle)
    }

    /// `value` for machines (CSV, audit log): no grouping, a point before one decimal, none when whole.
    public static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    /// A whole number with its thousands grouped.
    public static func format(_ value: Int, locale: String, digits: TenantFormats.Digits = .western) -> String {
        written((value < 0 ? "-" : "") + grouped(Int64(abs(value)), separator: separators(locale, digits: digits).group), locale: locale, digits: digits)
    }

    private static func grouped(_ value: Int64, separator: String) -> String {
        let digits = Array(String(value))
        guard digits.count > 3 else { return String(digits) }
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output += separator }
            output.append(digit)
        }
        return output
    }

    /// Western digits turned into Eastern Arabic ones (U+0660…) on Arabic pages that use them.
    private static func written(_ text: String, locale: String, digits: TenantFormats.Digits) -> String {
        guard locale == "ar", digits == .eastern else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (48...57).contains(scalar.value) ? Unicode.Scalar(scalar.value - 48 + 0x0660)! : scalar
        }))
    }

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
