import Mustache

/// What a template shows, typed. Every key a template may read is one field, declared once as a
/// key path (``fields``): the host checks each template against its model when it starts, so a
/// misspelt key stops the server instead of rendering blank, and templates read the model without
/// reflection (`MustacheParent`).
public protocol TemplateModel: MustacheParent, Sendable {
    /// The keys templates may read, each with the property it reads.
    static var fields: TemplateFields<Self> { get }
}

extension TemplateModel {
    /// The value of `key`, `nil` when the key is unknown or its optional value is absent.
    public func child(named name: String) -> Any? {
        Self.fields.value(of: name, in: self)
    }
}

/// A whole page of a module (or of the host), or a part rendered alone, with its template and whether
/// its bytes may be cached.
public protocol PageModel: TemplateModel {
    /// The template's name within the module's `Templates/` (`"show"` for `show.mustache`).
    static var template: String { get }
    /// Whether the rendered page may be served from the cache (`.shared` unless it shows what
    /// belongs to one visitor beyond their roles, see ``CachePolicy``).
    var cachePolicy: CachePolicy { get }
}

extension PageModel {
    /// Shared by default.
    public var cachePolicy: CachePolicy { .shared }
}

/// The keys of a ``TemplateModel``, each read through a key path.
public struct TemplateFields<Model>: Sendable {
    /// One field: the key path, and whether its value is optional (decided once, not per lookup:
    /// a dynamic cast on every value would cost more than the lookup itself).
    private struct Field: Sendable {
        let path: any PartialKeyPath<Model> & Sendable
        let optional: Bool
    }

    private let byKey: [String: Field]

    /// Declares the fields: `["title": \.title, "items": \.items]`.
    public init(_ byKey: [String: any PartialKeyPath<Model> & Sendable]) {
        self.byKey = byKey.mapValues { Field(path: $0, optional: type(of: $0).valueType is any OptionalValue.Type) }
    }

    /// The value of `key` in `model`; an absent optional is `nil`, so the template skips it.
    public func value(of key: String, in model: Model) -> Any? {
        guard let field = byKey[key] else { return nil }
        let value = model[keyPath: field.path]
        guard field.optional else { return value }
        return (value as? any OptionalValue)?.wrappedValue
    }

    /// Every key with the type of its value, for the host's template check.
    public var types: [String: Any.Type] {
        byKey.mapValues { type(of: $0.path).valueType }
    }
}

/// An optional seen through `Any` (to tell an absent value from a present one).
public protocol OptionalValue {
    /// The value, or `nil`.
    var wrappedValue: Any? { get }
    /// The type a present value has.
    static var wrappedType: Any.Type { get }
}

extension Optional: OptionalValue {
    /// The value, or `nil`.
    public var wrappedValue: Any? { self.map { $0 as Any } }
    /// The type a present value has.
    public static var wrappedType: Any.Type { Wrapped.self }
}

/// A list seen through `Any`, for the host's template check.
public protocol ListValue {
    /// The type of the list's elements.
    static var elementType: Any.Type { get }
}

extension Array: ListValue {
    /// The type of the list's elements.
    public static var elementType: Any.Type { Element.self }
}

extension TemplateModel {
    /// Every key with the type of its value (see ``TemplateFields/types``).
    public static var fieldTypes: [String: Any.Type] { fields.types }
}
