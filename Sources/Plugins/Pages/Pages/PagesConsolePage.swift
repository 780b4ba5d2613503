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
        let title: String
        let slug: String
        let published: Bool
        let viewHref: String
        let editHref: String
        let publishAction: String
        let canPublish: Bool
    }

    let pages: [Row]
    let newHref: String
    var empty: Bool { pages.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
