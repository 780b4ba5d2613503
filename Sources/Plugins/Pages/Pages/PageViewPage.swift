import CivicSDK

/// `{root}/pages/{slug}`: one page, its comments, and links to its history and editor.
struct PageViewPage: PageModel {
    static let template = "show"
    static let fields = TemplateFields<Self>([
        "title": \.title, "bodyHTML": \.bodyHTML, "bodyLang": \.bodyLang, "bodyDir": \.bodyDir, "draft": \.draft, "updated": \.updated,
        "historyHref": \.historyHref, "showHistory": \.showHistory, "canEdit": \.canEdit, "editHref": \.editHref, "feedback": \.feedback,
    ])
    let title: String
    let bodyHTML: String
    let bodyLang: String
    let bodyDir: String
    let draft: Bool
    let updated: String
    let historyHref: String
    let showHistory: Bool
    let canEdit: Bool
    let editHref: String
    let feedback: String

    /// A draft is shown to editors only, never from the shared cache.
    var cachePolicy: CachePolicy { draft ? .perVisitor : .shared }
}
