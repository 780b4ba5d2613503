import Foundation

/// What a module needs to write its part of a monitoring report in one language: the module's own
/// strings, numbers, percentages and dates as that language writes them. The host hands one writer
/// per language of the tenant (see ``CivicModule/monitoringSections(_:_:period:writer:)``).
public struct MonitoringWriter: Sendable {
    /// The language written.
    public let locale: String
    /// The tenant the report is about.
    public let tenant: Tenant
    /// The tenant's path prefix (`/tetouan`), for links to its pages.
    public let root: String
    /// The tenant's figures at the period's end, by id (a linked plan indicator's value).
    public let figures: [String: Indicator]
    private let module: String?
    private let renderer: any PageRenderer

    /// A writer in `locale` for `module`'s strings (the host's when `nil`).
    public init(locale: String, tenant: Tenant, root: String, figures: [String: Indicator], module: String?, renderer: any PageRenderer) {
        self.locale = locale
        self.tenant = tenant
        self.root = root
        self.figures = figures
        self.module = module
        self.renderer = renderer
    }

    /// UI string `key` (the module's strings first, then the host's).
    public func text(_ key: String) -> String { renderer.text(key, module: module, locale: locale) }

    /// Translatable content in this language, else in the tenant's others.
    public func localized(_ value: LocalizedText) -> String { value.resolve(locale, fallbacks: tenant.locales) }

    /// Dates in this language and the tenant's zone.
    public var dates: DateText { DateText(locale: locale, formats: tenant.formats) }

    /// A number as this language writes it (see ``NumberText``).
    public func number(_ value: Double, fractionDigits: Int = 1) -> String {
        NumberText.format(value, locale: locale, fractionDigits: fractionDigits, digits: tenant.formats.digits)
    }

    /// A percentage as this language writes it.
    public func percent(_ value: Int) -> String { PercentText(value, locale: locale, digits: tenant.formats.digits).text }

    /// `key`'s string with `{name}` slots filled: `fill("plans.report.progress", ["value": "40 %"])`.
    public func fill(_ key: String, _ values: [String: String]) -> String {
        values.reduce(text(key)) { $0.replacingOccurrences(of: "{\($1.key)}", with: Bidi.isolate($1.value)) }
    }
}
