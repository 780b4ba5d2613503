import Foundation

/// Theme colours: format and WCAG contrast against white text, so a tenant cannot pick an unreadable colour.
enum AccentColor {
    static func isValid(_ value: String) -> Bool {
        value.range(of: "^#[0-9a-fA-F]{6}$", options: .regularExpression) != nil
    }

    /// Contrast ratio between the colour and white (WCAG 2.1 definition).
    static func contrastWithWhite(_ value: String) -> Double {
        guard isValid(value), let rgb = Int(value.dropFirst(), radix: 16) else { return 1 }
        func channel(_ shift: Int) -> Double {
            let c = Double((rgb >> shift) & 0xff) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return 1.05 / (luminance + 0.05)
    }

    /// The colour to show: `value` when it is one, else the platform's blue.
    static func shown(_ value: String) -> String { isValid(value) ? value : "#0b5cad" }

    /// Whether white text on this colour meets WCAG AA for normal text (4.5:1).
    static func isReadable(_ value: String) -> Bool { contrastWithWhite(value) >= 4.5 }
}
