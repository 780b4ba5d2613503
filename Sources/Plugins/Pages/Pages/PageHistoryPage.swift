import CivicSDK

/// `{root}/pages/{slug}/history`: every change of a page, field by field.
struct PageHistoryPage: PageModel {
    static let template = "history"
    static let fields = TemplateFields<Self>(["pageTitle": \.pageTitle, "pageHref": \.pageHref, "entries": \.entries, "empty": \.empty])
    let pageTitle: String, pageHref: String, entries: [HistoryEntryView], draft: Bool
    var empty: Bool { entries.isEmpty }
}
