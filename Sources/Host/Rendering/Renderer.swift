import CivicSDK
import Foundation
import Hummingbird
import Mustache
import Synchronization

/// Renders templates of the host and modules inside the layout, in the visitor's language.
///
/// Templates get typed page models (``PageModel``), checked against their template at start-up,
/// and ``StringTable``s; never reflected structs: swift-mustache's `Mirror` path is several times slower.
final class Renderer: PageRenderer {
    let library: MustacheLibrary
    /// String catalogs: `""` for host pages, else the host's merged with a module's.
    let catalogs: [String: StringCatalog]
    /// Template texts by full name, for the template check.
    let templateTexts: [String: String]
    /// Models already checked against their template (see ``TemplateCheck``).
    let checked = Mutex<Set<CheckedTemplate>>([])
    private let registry: TenantRegistry
    private let modules: ModuleCatalog
    var modulesManifests: [ModuleManifest] { modules.manifests }

    init(registry: TenantRegistry, modules: ModuleCatalog) throws {
        self.registry = registry
        self.modules = modules
        var library = MustacheLibrary()
        guard let hostTemplates = Bundle.module.url(forResource: "Templates", withExtension: nil),
              let hostStrings = Bundle.module.url(forResource: "Strings", withExtension: nil) else {
            throw ConfigError("the host's Templates and Strings resources are missing next to the executable")
        }
        var texts: [String: String] = [:]
        try Self.register(directory: hostTemplates, prefix: "", into: &library, texts: &texts)
        var host = StringCatalog()
        try host.load(directory: hostStrings)
        var catalogs = ["": host]
        for type in modules.manifests {
            if let templates = type.templates { try Self.register(directory: templates, prefix: "\(type.id)/", into: &library, texts: &texts) }
            var merged = host
            if let strings = type.strings { try merged.load(directory: strings) }
            catalogs[type.id] = merged
        }
        self.library = library
        self.catalogs = catalogs
        self.templateTexts = texts
        try checkDeclaredPages()
    }

    private static func register(directory: URL, prefix: String, into library: inout MustacheLibrary, texts: inout [String: String]) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            texts[prefix + String(file.dropLast(".mustache".count))] = text
            do {
                library.register(try MustacheTemplate(string: text), named: prefix + String(file.dropLast(".mustache".count)))
            } catch {
                throw ConfigError("template \(prefix)\(file) does not parse: \(error)")
            }
        }
    }

    // MARK: PageRenderer

    func text(_ key: String, module: String?, locale: String) -> String {
        (catalogs[module ?? ""] ?? catalogs[""]!).text(key, locale: locale)
    }

    func markdown(_ source: String) -> String { MarkdownHTML.html(source) }

    // MARK: host pages

    /// Renders `name` with `values` (a model in its ``TemplateScope``) inside the layout.
    func render(_ name: String, values: Any, strings: StringTable, title: String, chrome: Chrome,
                status: HTTPResponse.Status, cache: CachePolicy) throws -> Response {
        guard let content = library.render(values, withTemplate: name) else {
            throw HTTPError(.internalServerError, message: "template \(name) is missing")
        }
        let layout = TemplateScope(model: layout(title: title, content: content, chrome: chrome), strings: strings, root: chrome.root,
                                   csrf: chrome.csrf, lang: chrome.locale)
        let html = library.render(layout, withTemplate: "layout") ?? content
        // a page for a signed-in visitor is shared by those with the same roles only when their own parts are holes
        let perVisitor = cache == .perVisitor || (chrome.account != nil && PersonalHoles.current == nil) || chrome.platformAdmin
        return Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentLanguage: chrome.locale,
            .cacheControl: perVisitor ? "private, no-store" : "public, max-age=0, must-revalidate",
        ], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Where the browser finds a tenant's logo: uploaded files live under the tenant's root.
    static func logoSource(_ logo: String, root: String) -> String {
        logo.hasPrefix("files/") ? "\(root)/\(logo)" : logo
    }

    /// The chrome of a tenant page before the visitor is known.
    func chrome(tenant: Tenant, root: String, path: String, locale: String) -> Chrome {
        var parent: (String, String)?
        if let parentSlug = tenant.parentSlug, let entry = registry.entry(parentSlug) {
            parent = (entry.tenant.displayName(locale), TenantLinks.home(entry))
        }
        let entry = registry.entry(tenant.slug)
        let enabled = entry.map { entry in modules.ids.filter { entry.isEnabled($0) } } ?? []
        var chrome = Chrome(locale: locale, tenant: tenant, root: root, path: path, account: nil, csrf: "", modules: enabled, parent: parent)
        chrome.footer = entry?.footer ?? TenantFooter()
        return chrome
    }

    /// The chrome of a tenant request.
    func chrome(_ context: CivicContext) -> Chrome {
        var chrome = chrome(tenant: context.tenant, root: context.root, path: context.request.path, locale: context.locale)
        chrome.account = context.account
        chrome.csrf = context.csrfToken
        chrome.notice = context.request.notice
        return chrome
    }
}
