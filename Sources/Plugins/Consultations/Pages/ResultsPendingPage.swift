import CivicSDK

/// `{root}/consultations/{id}/results` before the results are published: when they will be, rather than a 404.
struct ResultsPendingPage: PageModel {
    static let template = "results-pending"
    static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "message": \.message])
    let title: String, href: String, message: String
}
