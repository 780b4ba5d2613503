import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

@Suite struct LanguageTests {
    @Test func arabicPagesAreRightToLeftWithArabicStrings() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/alpha/?lang=ar")
            #expect(page.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(page.body.contains("تسجيل الدخول"))
            #expect(page.body.contains("<h1>جماعة ألفا</h1>"))
            #expect(page.headers[.contentLanguage] == "ar")
            // remembered by cookie on the next page
            let next = try await browser.get("/alpha/pages")
            #expect(next.body.contains("dir=\"rtl\""))
            let french = try await browser.get("/alpha/?lang=fr")
            #expect(french.body.contains("<html lang=\"fr\" dir=\"ltr\">"))
        }
    }

    @Test func acceptLanguageIsUsedWithinOfferedLocales() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let english = try await browser.get("/alpha/", headers: [.acceptLanguage: "en-GB,en;q=0.9,fr;q=0.5"])
            #expect(english.body.contains("lang=\"en\""))
            // beta does not offer Arabic: falls back to its default
            let beta = try await browser.get("/beta/", headers: [.acceptLanguage: "ar"])
            #expect(beta.body.contains("<html lang=\"fr\" dir=\"ltr\">"))
            let ignored = try await browser.get("/beta/?lang=ar")
            #expect(ignored.body.contains("<html lang=\"fr\""))
        }
    }

    @Test func errorPagesAreInTheVisitorsLanguage() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/alpha/admin", headers: [.acceptLanguage: "ar"])
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("dir=\"rtl\""))
            #expect(page.body.contains("يلزم تسجيل الدخول"))
        }
    }

    @Test func preferredLanguageHonoursQValues() {
        #expect(LocaleNegotiation.preferred("fr;q=0.2, ar;q=0.8, en", offered: ["fr", "ar", "en"]) == "en")
        #expect(LocaleNegotiation.preferred("de, ar-MA;q=0.7", offered: ["fr", "ar"]) == "ar")
        #expect(LocaleNegotiation.preferred("ar;q=0", offered: ["ar"]) == nil)
        #expect(LocaleNegotiation.preferred("", offered: ["fr"]) == nil)
    }

    /// Plural strings have the forms of their language (`PluralFormsTests`): here they count as one key.
    private func keys(_ catalog: StringCatalog, _ locale: String) -> Set<String> {
        let forms: Set<String> = ["zero", "one", "two", "few", "many", "other"]
        return Set(catalog.flat[locale]!.keys.map { key in
            let parts = key.split(separator: ".")
            return forms.contains(String(parts.last ?? "")) ? parts.dropLast().joined(separator: ".") : key
        })
    }

    @Test func everyStringOfTheHostAndEveryModuleExistsInEveryLocale() throws {
        for folder in [hostStrings()] + InstalledModules.all.compactMap({ $0.manifest.strings }) {
            var catalog = StringCatalog()
            try catalog.load(directory: folder)
            let french = keys(catalog, "fr")
            #expect(!french.isEmpty)
            for locale in ["ar", "en"] {
                let other = keys(catalog, locale)
                #expect(other == french, "\(folder.path): \(locale) lacks \(french.subtracting(other).sorted()), has extra \(other.subtracting(french).sorted())")
            }
        }
    }

    private func hostStrings() -> URL {
        Repository.root
            .appendingPathComponent("Sources/Host/Strings")
    }
}
