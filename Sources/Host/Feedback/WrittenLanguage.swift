import CivicSDK

/// The language a citizen actually wrote in, which is not always the page's: an Arabic comment sent
/// from the French page must be marked `lang="ar" dir="rtl"` and stemmed as Arabic. Told by script:
/// mostly Arabic letters is Arabic; Latin letters on an Arabic page are the site's first language
/// written in Latin letters; otherwise the page's language.
enum WrittenLanguage {
    static func of(_ text: String, page: String, offered: [String]) -> String {
        var arabic = 0, latin = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x0041...0x024F: latin += 1
            default: break
            }
        }
        if arabic > latin { return "ar" }
        if latin > arabic && page == "ar" { return offered.first { $0 != "ar" } ?? "fr" }
        return page
    }
}
