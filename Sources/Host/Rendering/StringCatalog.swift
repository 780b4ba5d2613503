import CivicSDK
import Foundation
import Mustache

/// UI strings per locale, loaded from `Strings/<locale>.json` files (nested objects).
///
/// Templates read them as `{{t.section.key}}` through ``StringTable`` (no reflection);
/// Swift code reads them with dotted keys.
struct StringCatalog: Sendable {
    indirect enum Node: Sendable {
        case leaf(String)
        case table([String: Node])
    }

    /// Per locale: the tree for templates and the flattened keys for code.
    private(set) var trees: [String: [String: Node]] = [:]
    private(set) var flat: [String: [String: String]] = [:]

    init() {}

    /// Adds every `<locale>.json` file of `directory`; later additions win on equal keys.
    mutating func load(directory: URL) throws {
        for locale in Locales.supported {
            let file = directory.appendingPathComponent("\(locale).json")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            guard case .table(let table) = try Self.node(object, file: file.lastPathComponent) else {
                throw ConfigError("\(file.path) must hold a JSON object")
            }
            trees[locale, default: [:]].merge(table) { _, new in new }
            Self.flatten(table, prefix: "", into: &flat[locale, default: [:]])
        }
    }

    private static func node(_ object: Any, file: String) throws -> Node {
        if let string = object as? String { return .leaf(string) }
        if let dictionary = object as? [String: Any] { return .table(try dictionary.mapValues { try node($0, file: file) }) }
        throw ConfigError("\(file): strings must be text or objects")
    }

    private static func flatten(_ table: [String: Node], prefix: String, into result: inout [String: String]) {
        for (key, value) in table {
            switch value {
            case .leaf(let text): result[prefix + key] = text
            case .table(let child): flatten(child, prefix: prefix + key + ".", into: &result)
            }
        }
    }

    /// The string `key` in `locale`, else in French, else the key itself (so a gap shows, never crashes).
    func text(_ key: String, locale: String) -> String {
        flat[locale]?[key] ?? flat["fr"]?[key] ?? key
    }

    /// The template view of `locale`, falling back to French key by key.
    func table(_ locale: String) -> StringTable {
        StringTable(primary: trees[locale] ?? [:], fallback: locale == "fr" ? [:] : trees["fr"] ?? [:])
    }
}

/// A level of the string tree as Mustache sees it.
struct StringTable: MustacheParent, Sendable {
    let primary: [String: StringCatalog.Node]
    let fallback: [String: StringCatalog.Node]

    func child(named name: String) -> Any? {
        switch (primary[name], fallback[name]) {
        case (.leaf(let text)?, _): return text
        case (.table(let table)?, .table(let fallbackTable)?): return StringTable(primary: table, fallback: fallbackTable)
        case (.table(let table)?, _): return StringTable(primary: table, fallback: [:])
        case (nil, .leaf(let text)?): return text
        case (nil, .table(let table)?): return StringTable(primary: table, fallback: [:])
        case (nil, nil): return nil
        }
    }
}
