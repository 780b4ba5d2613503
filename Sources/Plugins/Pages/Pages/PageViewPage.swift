import CivicSDK

/// `{root}/pages/{slug}`: one page, its comments, and links to its history and editor.
struct PageViewPage: PageModel {
    static let template = "show"
    static let fields = TemplateFields<Self>([
        "title": \.title, "bodyHTML": \.bodyHTML, "bodyLang": \.bodyLang, "bodyDir": \.bodyDir, "draft": \.draft, "updated": \.updated,
        "historyHref": \.historyHref, "showHistory": \.showHistory, "canEdit": \.canEdit, "editHref": \.editHref, "feedback": \.feedback,
    ])
    let title: String, bodyHTML: String, bodyLang: String, bodyDir: String, draft: Bool, updated: TimeText, historyHref: String
    let showHistory: Bool, canEdit: Bool, editHref: String, feedback: String

    /// A draft is shown to editors only, never from the shared cache.
}
