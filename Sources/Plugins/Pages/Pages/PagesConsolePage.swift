import CivicSDK

/// `{root}/admin/pages`: every page with its state and actions.
struct PagesConsolePage: PageModel {
    static let template = "console"
    static let fields = TemplateFields<Self>(["pages": \.pages, "empty": \.empty, "newHref": \.newHref])

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>([
            "title": \.title, "slug": \.slug, "published": \.published, "viewHref": \.viewHref, "editHref": \.editHref,
            "publishAction": \.publishAction, "canPublish": \.canPublish,
        ])
        let title: String, slug: String, published: Bool, viewHref: String, editHref: String, publishAction: String, canPublish: Bool
    }

    let pages: [Row], newHref: String
    var empty: Bool { pages.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
