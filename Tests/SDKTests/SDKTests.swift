@testable import CivicSDK
import Foundation
import Testing

@Suite struct LocalizedTextTests {
    @Test func resolvesWithFallbackChain() {
        let text: LocalizedText = ["fr": "Bonjour", "ar": "مرحبا", "en": " "]
        #expect(text.resolve("ar") == "مرحبا")
        #expect(text.resolve("en", fallbacks: ["fr"]) == "Bonjour", "blank translations count as missing")
        #expect(text.resolvedLocale("en", fallbacks: ["ar", "fr"]) == "ar")
        #expect(LocalizedText([:]).resolve("fr") == "")
    }

    @Test func roundTripsThroughJSON() {
        let text: LocalizedText = ["fr": "É \"quote\"", "ar": "نص"]
        #expect(LocalizedText(json: text.json) == text)
        #expect(LocalizedText(json: "not json").isEmpty)
    }
}

@Suite struct FormDataTests {
    @Test func parsesRepeatedAndEncodedFields() throws {
        let form = try FormData(urlEncoded: "title.fr=%C3%80+propos&role=admin&role=editor&empty=&flag=on")
        #expect(form["title.fr"] == "À propos")
        #expect(form.all("role") == ["admin", "editor"])
        #expect(form.text("empty") == "")
        #expect(form.isChecked("flag"))
        #expect(!form.isChecked("missing"))
        #expect(form.localized("title", locales: ["fr", "ar"]) == ["fr": "À propos"])
    }

    @Test func rejectsMalformedEncoding() {
        #expect(throws: (any Error).self) { try FormData(urlEncoded: "a=%ZZ") }
        #expect(throws: (any Error).self) { try FormData(urlEncoded: "=value") }
    }
}

@Suite struct PermissionPolicyTests {
    let policy = PermissionPolicy([
        Permission("pages.edit", roles: [.editor]),
        Permission("core.console", roles: [.editor, .moderator], everyModule: true),
    ])

    @Test func adminHoldsEverythingKnown() {
        #expect(policy.allows([RoleGrant(.admin)], "pages.edit"))
        #expect(policy.allows([RoleGrant(.admin)], "anything.at.all"))
    }

    @Test func rolesAndModuleLimits() {
        #expect(policy.allows([RoleGrant(.editor)], "pages.edit"))
        #expect(policy.allows([RoleGrant(.editor, module: "pages")], "pages.edit"))
        #expect(!policy.allows([RoleGrant(.editor, module: "plans")], "pages.edit"))
        #expect(policy.allows([RoleGrant(.editor, module: "plans")], "core.console"))
        #expect(!policy.allows([RoleGrant(.moderator)], "pages.edit"))
        #expect(!policy.allows([RoleGrant(.citizen)], "core.console"))
        #expect(!policy.allows([RoleGrant(.editor)], "unknown.permission"))
        #expect(!policy.allows([], "pages.edit"))
    }
}

@Suite struct AuditTests {
    @Test func diffListsOnlyChangedFields() {
        let changes = FieldChange.diff(old: ["a": "1", "b": "2", "gone": "x"], new: ["a": "1", "b": "3", "new": "y"])
        #expect(changes == [
            FieldChange(field: "b", old: "2", new: "3"),
            FieldChange(field: "gone", old: "x", new: nil),
            FieldChange(field: "new", old: nil, new: "y"),
        ])
    }

    @Test func snapshotFlattensEachTranslation() {
        let snapshot = FieldChange.snapshot(["status": "open"], texts: ["title": ["fr": "Titre", "ar": "عنوان", "en": "  "]])
        #expect(snapshot == ["status": "open", "title.fr": "Titre", "title.ar": "عنوان"])
        #expect(FieldChange.diff(old: snapshot, new: FieldChange.snapshot(["status": "open"], texts: ["title": ["fr": "Titre"]]))
                == [FieldChange(field: "title.ar", old: "عنوان", new: nil)])
    }

    @Test func moduleMigrationIDsArePrefixed() {
        var migrations = ModuleMigrations(moduleID: "plans")
        migrations.add("001-create") { _ in }
        migrations.add("002-index") { _ in }
        #expect(migrations.list.map(\.id) == ["plans/001-create", "plans/002-index"])
    }

    @Test func settingsNormalizeByKind() {
        let flag = ModuleSetting(key: "f", kind: .flag, defaultValue: "true")
        let number = ModuleSetting(key: "n", kind: .number, defaultValue: "3")
        #expect(flag.normalize("on") == "true")
        #expect(flag.normalize(nil) == "false")
        #expect(number.normalize("12") == "12")
        #expect(number.normalize("douze") == nil)
        let settings = ModuleSettings(declared: [flag, number], values: ["n": "7", "unknown": "x"])
        #expect(settings.flag("f"))
        #expect(settings["n"] == "7")
        #expect(settings["unknown"] == nil)
    }
}

@Suite struct CSVTests {
    @Test func roundTripsAwkwardCells() throws {
        let rows = [["a", "b,c", "say \"hi\"", "two\nlines", "=SUM(A1)", "-3", "'=x", "''x", "'plain", "", "é ع"]]
        let text = CSV.document(header: ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11"], rows: rows)
        #expect(text.contains("'=SUM(A1)"), "formulas are neutralised for spreadsheets")
        let parsed = try CSV.parse(text)
        #expect(parsed.count == 2)
        #expect(parsed[1] == rows[0])
    }

    @Test func reportsUnterminatedQuotes() {
        let error = #expect(throws: CSV.ParseError.self) { try CSV.parse("a,b\n\"open,c\n") }
        #expect(error?.line == 2)
    }
}

@Suite struct LocalizedTextParsingTests {
    @Test func fastParserAgreesWithFoundation() throws {
        let samples: [LocalizedText] = [
            ["fr": "Simple"], ["fr": "Guillemets \" et \\ barre", "ar": "نص عربي\nسطر"], ["en": "tab\there / slash"], [:],
            ["fr": "emoji 🇲🇦 et \u{7} contrôle"],
        ]
        for sample in samples {
            #expect(LocalizedText(json: sample.json) == sample, "\(sample.json)")
        }
        #expect(LocalizedText.fastParse("{\"fr\": \"a\" , \"en\":\"b\"}") == ["fr": "a", "en": "b"])
        #expect(LocalizedText.fastParse("{\"fr\": 1}") == nil)
        #expect(LocalizedText.fastParse("{\"fr\": \"a\"} trailing") == nil)
        #expect(LocalizedText(json: "{\"fr\":\"\\u00e9\"}").values["fr"] == "é", "unicode escapes fall back to Foundation")
    }
}
