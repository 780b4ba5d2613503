import CivicSDK

/// A titled link in a list of pages.
struct PagesLink: TemplateModel {
    static let fields = TemplateFields<Self>(["title": \.title, "href": \.href])
    let title: String, href: String
}
