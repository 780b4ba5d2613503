import Foundation

/// A per-tenant setting a module declares; the tenant console generates its form from it.
public struct ModuleSetting: Sendable, Hashable {
    /// How the setting is edited and validated.
    public enum Kind: String, Sendable, Hashable {
        /// A checkbox; stored as `"true"` or `"false"`.
        case flag
        /// A whole number.
        case number
        /// One line of text.
        case text
    }

    /// Key, unique within the module.
    public let key: String
    /// Editor and validation.
    public let kind: Kind
    /// Value used until a tenant admin changes it.
    public let defaultValue: String

    /// Creates a setting declaration; its label is the string ``titleKey(module:)`` of the module's catalogue.
    public init(key: String, kind: Kind, defaultValue: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
    }

    /// The key of its label in the string catalogue of `module`: `<module>.setting.<key>`.
    public func titleKey(module: String) -> String { "\(module).setting.\(key)" }

    /// Checks and normalises a submitted value; `nil` when it is not valid for ``kind``.
    public func normalize(_ raw: String?) -> String? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .flag: return (value == "true" || value == "on") ? "true" : "false"
        case .number: return Int(value).map(String.init)
        case .text: return value.count <= 500 ? value : nil
        }
    }
}

/// Settings values of one module in one tenant, with declared defaults.
public struct ModuleSettings: Sendable, Hashable {
    private let values: [String: String]

    /// Creates settings from stored `values` over the `declared` defaults.
    public init(declared: [ModuleSetting], values: [String: String]) {
        var merged = Dictionary(declared.map { ($0.key, $0.defaultValue) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in values where merged[key] != nil { merged[key] = value }
        self.values = merged
    }

    /// An empty settings set (outside any module).
    public static let none = ModuleSettings(declared: [], values: [:])

    /// Raw value of `key`.
    public subscript(_ key: String) -> String? { values[key] }

    /// `key` read as a flag.
    public func flag(_ key: String) -> Bool { values[key] == "true" }
}
