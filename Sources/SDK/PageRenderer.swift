import Hummingbird

/// Whether a rendered page may be served from the tenant's shared page cache.
public enum CachePolicy: Sendable {
    /// Same bytes for every anonymous visitor: cacheable until the tenant's content changes.
    case shared
    /// Holds per-visitor data (a form with a CSRF token, an account page): never cached.
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
