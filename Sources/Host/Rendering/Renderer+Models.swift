import CivicSDK
import Hummingbird
import Mustache

/// A model as its template sees it: the page's fields, and the keys every page may read
/// (``TemplateCheck/globals``: strings, root, form token, language).
struct TemplateScope<Model: TemplateModel>: MustacheParent {
    let model: Model
    let strings: StringTable
    let root: String
    let csrf: String
    let lang: String

    func child(named name: String) -> Any? {
        switch name {
        case "t": strings
        case "root": root
        case "csrf": csrf
        case "lang": lang
        default: model.child(named: name)
        }
    }
}

extension Renderer {
    /// Renders a page model of the current module (or of the host) inside the layout.
    func page<Model: PageModel>(_ model: Model, title: String, context: CivicContext, status: HTTPResponse.Status) throws -> Response {
        try page(model, module: context.module, title: title, chrome: chrome(context), status: status)
    }

    /// Renders a page model of `module` (or of the host when `nil`) with the given chrome.
    func page<Model: PageModel>(_ model: Model, module: String?, title: String, chrome: Chrome,
                                status: HTTPResponse.Status = .ok) throws -> Response {
        let name = module.map { "\($0)/\(Model.template)" } ?? Model.template
        try ensureChecked(Model.self, template: name, module: module)
        let strings = (catalogs[module ?? ""] ?? catalogs[""]!).table(chrome.locale)
        let scope = TemplateScope(model: model, strings: strings, root: chrome.root, csrf: chrome.csrf, lang: chrome.locale)
        return try render(name, values: scope, strings: strings, title: title, chrome: chrome, status: status, cache: model.cachePolicy)
    }

    /// Renders a model with a full template name (`"plans/feed"`), without the layout: feeds, SVG, fragments.
    func fragment<Model: TemplateModel>(_ template: String, model: Model, context: CivicContext) throws -> String {
        try ensureChecked(Model.self, template: template, module: context.module)
        let strings = (catalogs[context.module ?? ""] ?? catalogs[""]!).table(context.locale)
        let scope = TemplateScope(model: model, strings: strings, root: context.root, csrf: context.csrfToken, lang: context.locale)
        guard let text = library.render(scope, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "template \(template) is missing")
        }
        return text
    }

    /// The problems of `template` rendered with `model` (empty when sound), against the string keys `strings`.
    func problems(template: String, model: any TemplateModel.Type, strings: Set<String>) -> [String] {
        TemplateCheck(templates: templateTexts, strings: strings).problems(template: template, model: model)
    }

    /// The string keys templates of `module` (or of the host) may read.
    func stringKeys(_ module: String?) -> Set<String> {
        Set((catalogs[module ?? ""] ?? catalogs[""]!).flat["fr"]?.keys.map { $0 } ?? [])
    }

    /// The layout, the host's fragments and pages, and every page the modules declare, with their templates.
    private var declaredTemplates: [(template: String, model: any TemplateModel.Type, module: String?)] {
        HostPages.fragments.map { ($0.template, $0.model, nil) } + HostPages.all.map { ($0.template, $0, nil) }
            + modulesManifests.flatMap { manifest in manifest.pages.map { ("\(manifest.id)/\($0.template)", $0, manifest.id) } }
    }

    /// Every declared template checked against its model when the host starts (each catalogue's keys read once).
    func checkDeclaredPages() throws {
        let declared = declaredTemplates
        var keys: [String: Set<String>] = [:]
        var problems: [String] = []
        for page in declared {
            let module = page.module ?? ""
            if keys[module] == nil { keys[module] = stringKeys(page.module) }
            problems += self.problems(template: page.template, model: page.model, strings: keys[module] ?? [])
        }
        guard problems.isEmpty else { throw ConfigError("templates and their models disagree:\n" + problems.joined(separator: "\n")) }
        checked.withLock { set in
            for page in declared { set.insert(CheckedTemplate(page.model, page.template)) }
        }
    }

    /// A model rendered without being declared is checked the first time; a disagreement is a server error, never a blank.
    private func ensureChecked(_ model: any TemplateModel.Type, template: String, module: String?) throws {
        let id = CheckedTemplate(model, template)
        if checked.withLock({ $0.contains(id) }) { return }
        let found = problems(template: template, model: model, strings: stringKeys(module))
        guard found.isEmpty else { throw HTTPError(.internalServerError, message: found.joined(separator: "; ")) }
        checked.withLock { _ = $0.insert(id) }
    }
}

/// A model checked against one template (one form model serves several modules' templates).
struct CheckedTemplate: Hashable, Sendable {
    let model: ObjectIdentifier
    let template: String

    init(_ model: any TemplateModel.Type, _ template: String) {
        self.model = ObjectIdentifier(model)
        self.template = template
    }
}
