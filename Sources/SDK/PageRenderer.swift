import Hummingbird

/// Whether a rendered page may be served from the tenant's page cache.
public enum CachePolicy: Sendable {
    /// The same for every visitor with the same roles (every anonymous visitor, every editor…),
    /// apart from what the host fills in for each visitor: their name, e-mail, form token and follow
    /// buttons. Staff controls and unpublished items shown to a role are fine. Kept until a write
    /// changes something the page read.
    case shared
    /// Depends on who the visitor is beyond their roles (their own answers, their own text sent
    /// back with its errors, their account): never cached.
    case perVisitor
}

/// Renders HTML pages in the tenant's layout and language; implemented by the host.
public protocol PageRenderer: Sendable {
    /// Renders a page model of `context.module` (or of the host when `nil`) inside the layout; its
    /// template is the model's ``PageModel/template``, its cache policy the model's.
    func page<Model: PageModel>(_ model: Model, title: String, context: CivicContext, status: HTTPResponse.Status) throws -> Response

    /// Renders `model` with `template` (a full name such as `"plans/feed"`) alone, without the layout: feeds, SVG, fragments.
    func fragment<Model: TemplateModel>(_ template: String, model: Model, context: CivicContext) throws -> String

    /// The UI string `key` of `module` (or of the host) in `locale`, falling back to French then the key.
    func text(_ key: String, module: String?, locale: String) -> String

    /// Renders Markdown written by editors to safe HTML (raw HTML in the source is escaped).
    func markdown(_ source: String) -> String
}

extension PageRenderer {
    /// The UI string `key` of `module` (or of the host) in each of `locales`, for text stored once and
    /// read later in the reader's language.
    public func inEveryLanguage(_ key: String, module: String?, locales: [String]) -> LocalizedText {
        LocalizedText(each: locales) { text(key, module: module, locale: $0) }
    }
}
