import Testing
@testable import OpenCommune

/// A comment is marked and stemmed in the language it is written in, whatever page it was sent from.
@Suite struct WrittenLanguageTests {
    @Test func theScriptTellsArabicFromLatin() {
        #expect(WrittenLanguage.of("أقترح تنظيم اجتماعات", page: "fr", offered: ["fr", "ar", "en"]) == "ar")
        #expect(WrittenLanguage.of("Installer des bancs", page: "ar", offered: ["fr", "ar", "en"]) == "fr", "Latin letters on the Arabic page")
        #expect(WrittenLanguage.of("Install benches", page: "en", offered: ["fr", "ar", "en"]) == "en")
        #expect(WrittenLanguage.of("Install benches", page: "ar", offered: ["ar", "en"]) == "en", "the site's first language in Latin letters")
        #expect(WrittenLanguage.of("123 !", page: "ar", offered: ["fr", "ar"]) == "ar", "no letters: the page's language")
    }
}
