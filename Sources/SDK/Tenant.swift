/// A commune or one of its consultative instances: the unit of data isolation.
public struct Tenant: Sendable, Hashable, Codable {
    /// Whether a tenant is a commune or a consultative instance of a commune.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A municipality; may have instances.
        case commune
        /// A consultative instance; always has a parent commune.
        case instance
    }

    /// URL-safe identifier, also the folder name of its data.
    public let slug: String
    /// Commune or instance.
    public let kind: Kind
    /// Slug of the parent commune of an instance.
    public let parentSlug: String?
    /// Display name per locale.
    public let name: LocalizedText
    /// Locales offered to visitors, the first being the default.
    public let locales: [String]
    /// Accent colour of the theme, as `#rrggbb`.
    public let accentColor: String
    /// Public path of the logo image, or `nil`.
    public let logoURL: String?
    /// Time zone, Arabic month names and digits.
    public let formats: TenantFormats

    /// Creates a tenant description.
    public init(slug: String, kind: Kind, parentSlug: String?, name: LocalizedText, locales: [String],
                accentColor: String = "#0b5cad", logoURL: String? = nil, formats: TenantFormats = .moroccan) {
        self.slug = slug
        self.kind = kind
        self.parentSlug = parentSlug
        self.name = name
        self.locales = locales.isEmpty ? ["fr"] : locales
        self.accentColor = accentColor
        self.logoURL = logoURL
        self.formats = formats
    }

    /// Today in the tenant's time zone, as `YYYY-MM-DD`.
    public var today: String { DateText(locale: defaultLocale, formats: formats).today }

    /// The default locale: the first offered one.
    public var defaultLocale: String { locales[0] }

    /// `locale` when the tenant offers it (an account's or a text's language), else the default.
    public func offeredLocale(_ locale: String?) -> String {
        locale.flatMap { locales.contains($0) ? $0 : nil } ?? defaultLocale
    }

    /// The name in `locale`, falling back to the tenant's default locale.
    public func displayName(_ locale: String) -> String {
        let resolved = name.resolve(locale, fallbacks: locales)
        return resolved.isEmpty ? slug : resolved
    }
}
