import CivicSDK

/// `{root}/admin/pages/new` and `…/{id}/edit`: a page's slug, position, and title and body per language.
struct PageFormPage: PageModel {
    static let template = "form"
    static let fields = TemplateFields<Self>([
        "action": \.action, "isNew": \.isNew, "slug": \.slug, "position": \.position, "errors": \.errors, "hasErrors": \.hasErrors,
        "locales": \.locales, "missing": \.missing,
    ])

    struct LocaleFields: TemplateModel {
        static let fields = TemplateFields<Self>(["code": \.code, "name": \.name, "dir": \.dir, "title": \.title, "body": \.body])
        let code: String, name: String, dir: String, title: String, body: String
    }

    let action: String, isNew: Bool, slug: String, position: String, errors: [String], locales: [LocaleFields]
    /// The site's languages the title or the text is not written in yet.
    let missing: String?
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
