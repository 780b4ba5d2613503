import Foundation

/// A refused platform operation (bad slug, unknown tenant, module not allowed…). Its message lives in
/// the string catalogs under `problem.<key>`, with `{0}`, `{1}` for the values: consoles show it in the
/// visitor's language, the CLI in English.
struct PlatformError: Error, CustomStringConvertible, Equatable {
    let key: String
    let values: [String]

    init(_ key: String, _ values: String...) {
        self.key = key
        self.values = values
    }

    /// The message in a language, given a lookup of catalog keys.
    func message(_ lookup: (String) -> String) -> String {
        values.enumerated().reduce(lookup("problem.\(key)")) { text, value in
            text.replacingOccurrences(of: "{\(value.offset)}", with: value.element)
        }
    }

    func message(in locale: String, renderer: Renderer) -> String {
        message { renderer.text($0, module: nil, locale: locale) }
    }

    /// English, for the command line and logs.
    var description: String { message { Self.english?.text($0, locale: "en") ?? $0 } }

    private static let english: StringCatalog? = {
        guard let folder = Bundle.module.url(forResource: "Strings", withExtension: nil) else { return nil }
        var catalog = StringCatalog()
        try? catalog.load(directory: folder)
        return catalog
    }()
}
