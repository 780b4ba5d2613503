import Foundation
import Testing
import TestSupport

/// French puts a no-break space before ":" and a narrow one before ";", "?" and "!", and inside
/// guillemets, so a line never starts with the sign; English and Arabic put none. Templates shared
/// by every language therefore take the colon from the catalogue (`{{t.colon}}`).
@Suite struct FrenchTypographyTests {
    /// Every string of a catalogue tree, with its dotted key.
    static func strings(_ tree: [String: Any], prefix: String = "") -> [(String, String)] {
        tree.flatMap { key, value -> [(String, String)] in
            if let text = value as? String { return [(prefix + key, text)] }
            return (value as? [String: Any]).map { strings($0, prefix: prefix + key + ".") } ?? []
        }
    }

    @Test func frenchStringsUseNoBreakSpacesBeforeHighPunctuation() throws {
        var wrong: [String] = []
        for (folder, locale, tree) in try PluralFormsTests.catalogues() where locale == "fr" {
            for (key, text) in Self.strings(tree) {
                for bad in [" :", " ;", " ?", " !", "« ", " »"] where text.contains(bad) { wrong.append("\(folder) \(key): \(bad)") }
                // a sign glued to the word before it ("Note:"), but not in addresses, times or formats
                if text.range(of: #"[\p{L}][;!?](\s|$)"#, options: .regularExpression) != nil { wrong.append("\(folder) \(key): no space") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func sharedTemplatesTakeTheColonFromTheCatalogue() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        let templates = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "mustache" }
        #expect(!templates.isEmpty)
        for template in templates {
            let text = try String(contentsOf: template, encoding: .utf8)
            #expect(!text.contains("}} : ") && !text.contains("}} %"), "\(template.lastPathComponent) writes French punctuation for every language")
        }
    }
}
