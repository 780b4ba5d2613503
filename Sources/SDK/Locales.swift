/// The interface languages OpenCommune ships, and facts about them that pages need.
public enum Locales {
    /// Every locale the platform has UI strings for, in the order shown to visitors.
    public static let supported = ["fr", "ar", "en"]

    /// Locales written right to left.
    public static let rightToLeft: Set<String> = ["ar"]

    /// `"rtl"` or `"ltr"`, for the `dir` attribute.
    public static func direction(_ locale: String) -> String {
        rightToLeft.contains(locale) ? "rtl" : "ltr"
    }

    /// The language's own name, for the language switcher.
    public static func nativeName(_ locale: String) -> String {
        switch locale {
        case "fr": "Français"
        case "ar": "العربية"
        case "en": "English"
        default: locale
        }
    }

    /// True when `code` is one of ``supported``.
    public static func isSupported(_ code: String) -> Bool { supported.contains(code) }
}
