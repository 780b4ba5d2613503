import CivicSDK
import Foundation
import Testing
import TestSupport

/// Counts are said with their language's plural forms, never "(s)": every plural string of every
/// catalogue has each form its language needs (Arabic six), and every count the code words by
/// `plural(...)` is such a string.
@Suite struct PluralFormsTests {
    static let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    static func catalogues() throws -> [(folder: String, locale: String, tree: [String: Any])] {
        let folders = ["Sources/Host/Strings"] + (try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Sources/Plugins").path))
            .map { "Sources/Plugins/\($0)/Strings" }
        return try folders.flatMap { folder in
            try ["fr", "ar", "en"].compactMap { locale -> (String, String, [String: Any])? in
                let url = Repository.root.appendingPathComponent("\(folder)/\(locale).json")
                guard FileManager.default.fileExists(atPath: url.path) else { return nil }
                return (folder, locale, try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]))
            }
        }
    }

    /// Dotted paths of the plural strings of a tree, with their forms.
    static func plurals(_ tree: [String: Any], prefix: String = "") -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for (key, value) in tree {
            guard let child = value as? [String: Any] else { continue }
            if child["other"] is String, Set(child.keys).isSubset(of: categories) { found[prefix + key] = Set(child.keys) } else {
                found.merge(plurals(child, prefix: prefix + key + ".")) { $1 }
            }
        }
        return found
    }

    @Test func everyPluralStringHasTheFormsItsLanguageNeeds() throws {
        var problems: [String] = []
        var count = 0
        for (folder, locale, tree) in try Self.catalogues() {
            for (key, forms) in Self.plurals(tree) {
                count += 1
                let needed = Set(PluralRule.categories(locale))
                if forms != needed { problems.append("\(folder) \(locale) \(key): has \(forms.sorted()), needs \(needed.sorted())") }
            }
        }
        #expect(count >= 21, "seven plural strings in three languages at least")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func everyCountTheCodeWordsIsAPluralString() throws {
        let keys = Set(try Self.catalogues().flatMap { Self.plurals($0.tree).keys })
        let pattern = try NSRegularExpression(pattern: #"plural\("([a-z0-9_.]+)""#)
        let sources = Repository.root.appendingPathComponent("Sources")
        var missing: [String] = []
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                if !keys.contains(key) { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test(arguments: [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (10, "few"), (11, "many"), (99, "many"), (100, "other"), (102, "other"), (103, "few")])
    func arabicCategories(_ case: (Int, String)) {
        #expect(PluralRule.category(`case`.0, locale: "ar") == `case`.1)
    }

    @Test func frenchAndEnglishCategories() {
        #expect(PluralRule.category(0, locale: "fr") == "one" && PluralRule.category(1, locale: "fr") == "one" && PluralRule.category(2, locale: "fr") == "other")
        #expect(PluralRule.category(0, locale: "en") == "other" && PluralRule.category(1, locale: "en") == "one")
    }
}
