import CivicSDK

/// `{root}/pages`: the published pages.
struct PagesIndexPage: PageModel {
    static let template = "index"
    static let fields = TemplateFields<Self>(["pages": \.pages, "empty": \.empty])
    let pages: [PagesLink]
    var empty: Bool { pages.isEmpty }
}
