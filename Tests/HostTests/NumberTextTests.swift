import CivicSDK
import Testing

/// Numbers as each language writes them, never "1.50" on a French page.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (1.5, "fr", "1,5"), (1.5, "en", "1.5"), (1.5, "ar", "1,5"), (10.0, "fr", "10"), (12345.67, "fr", "12\u{202F}345,7"),
        (12345.67, "en", "12,345.7"), (1234.0, "ar", "1.234"), (0.05, "fr", "0,1"), (-2.25, "en", "-2.3"), (999.0, "fr", "999"),
    ])
    func decimals(_ case: (Double, String, String)) {
        #expect(NumberText.format(`case`.0, locale: `case`.1) == `case`.2)
    }

    @Test func wholeNumbersAndPrecision() {
        #expect(NumberText.format(5000, locale: "fr") == "5\u{202F}000")
        #expect(NumberText.format(1_234_567, locale: "en") == "1,234,567")
        #expect(NumberText.format(3.14159, locale: "fr", fractionDigits: 2) == "3,14")
        #expect(NumberText.format(2.50, locale: "fr", fractionDigits: 2) == "2,5", "no trailing zero")
        #expect(NumberText.format(2.05, locale: "fr", fractionDigits: 2) == "2,05", "a leading zero in the decimals stays")
    }
}

/// Eastern Arabic digits, a tenant's choice for its Arabic pages; other languages keep theirs.
@Suite struct EasternDigitsTests {
    @Test func arabicPagesWriteEasternDigitsWithArabicSeparators() {
        #expect(NumberText.format(1234.5, locale: "ar", digits: .eastern) == "١٬٢٣٤٫٥")
        #expect(NumberText.format(2026, locale: "ar", digits: .eastern) == "٢٬٠٢٦")
        #expect(NumberText.format(1234.5, locale: "fr", digits: .eastern) == "1\u{202F}234,5", "French keeps its own digits")
        #expect(NumberText.format(1234.5, locale: "ar", digits: .western) == "1.234,5", "Morocco's default")
    }
}
