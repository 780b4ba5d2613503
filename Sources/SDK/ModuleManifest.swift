import Foundation

/// What a module is, declared once: the host generates its console entries, its permissions, its
/// settings form, its part of the open-data archive and its schema from it (as Decidim builds a
/// component from its manifest).
///
/// The id is the module's one name everywhere: its folder and target (`Sources/Plugins/Plans` for
/// `plans`), its URL segment (`{root}/plans`), the prefix of its permissions and migrations, and the
/// namespace of its strings (`{"plans": {…}}` in `Strings/fr.json`) and templates.
public struct ModuleManifest: Sendable {
    /// The module's id, such as `"plans"`.
    public let id: String
    /// Name shown in consoles and navigation.
    public let title: LocalizedText
    /// One-sentence description shown in the consoles.
    public let summary: LocalizedText
    /// Permissions the module checks, ids prefixed by ``id``.
    public let permissions: [Permission]
    /// Settings a tenant admin may change.
    public let settings: [ModuleSetting]
    /// Entries of the tenant console's home.
    public let consoleLinks: [ConsoleLink]
    /// Public datasets the module serves, for the tenant's open-data archive.
    public let openData: [OpenDataset]
    /// The module's resource bundle (`Bundle.module`), holding `Templates/` and `Strings/`.
    public let resources: Bundle?
    /// The module's page models, each checked against its template when the host starts.
    public let pages: [any PageModel.Type]
    /// Appends the module's schema migrations (append-only, literal data only).
    public let migrations: @Sendable (inout ModuleMigrations) -> Void
    /// Cookies the module gives anonymous visitors that change what they see (a consultation
    /// already answered): a request carrying one is never served from, nor stored in, the shared cache.
    public let personalCookies: [String]

    /// Declares a module.
    public init(id: String, title: LocalizedText, summary: LocalizedText, permissions: [Permission] = [], settings: [ModuleSetting] = [],
                consoleLinks: [ConsoleLink] = [], openData: [OpenDataset] = [], resources: Bundle? = nil, pages: [any PageModel.Type] = [],
                personalCookies: [String] = [], migrations: @escaping @Sendable (inout ModuleMigrations) -> Void = { _ in }) {
        self.id = id
        self.title = title
        self.summary = summary
        self.permissions = permissions
        self.settings = settings
        self.consoleLinks = consoleLinks
        self.openData = openData
        self.resources = resources
        self.pages = pages
        self.personalCookies = personalCookies
        self.migrations = migrations
    }

    /// Folder of `.mustache` templates.
    public var templates: URL? { resources?.url(forResource: "Templates", withExtension: nil) }
    /// Folder of UI string catalogs `fr.json`, `ar.json`, `en.json`.
    public var strings: URL? { resources?.url(forResource: "Strings", withExtension: nil) }
}
