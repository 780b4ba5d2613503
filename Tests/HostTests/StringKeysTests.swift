import Foundation
import Testing
import TestSupport

/// Every string the host's code asks for by a literal key exists in French, Arabic and English: a
/// key renamed or removed in the catalogue would otherwise show as the raw key on some page.
@Suite struct StringKeysTests {
    static func catalogue(_ locale: String) throws -> [String: Any] {
        let url = Repository.root.appendingPathComponent("Sources/Host/Strings/\(locale).json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func has(_ catalogue: [String: Any], _ key: String) -> Bool {
        var node: Any = catalogue
        for part in key.split(separator: ".") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return false }
            node = next
        }
        return node is String
    }

    @Test func everyLiteralKeyOfTheHostExistsInEveryLanguage() throws {
        let catalogues = try ["fr", "ar", "en"].map { ($0, try Self.catalogue($0)) }
        let folder = Repository.root.appendingPathComponent("Sources/Host")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        // `text("a.b"` as the renderer, a context or a route asks for it; a form's `text("field")` is not a string key
        let pattern = try NSRegularExpression(pattern: #"(?<!form\.)(?<!form\.text\()\btext\("([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#)
        var missing: [String] = []
        var checked = 0
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                guard let range = Range(match.range(at: 1), in: source) else { continue }
                let key = String(source[range])
                checked += 1
                for (locale, catalogue) in catalogues where !Self.has(catalogue, key) { missing.append("\(locale) \(key) (\(file.lastPathComponent))") }
            }
        }
        #expect(checked > 50, "the scan finds the host's keys")
        #expect(missing.isEmpty, "\(missing)")
    }
}
