import CivicSDK

/// `{root}/consultations/{id}/receipt/{code}`: proof that an answer was received.
struct ReceiptPage: PageModel {
    static let template = "receipt"
    static let fields = TemplateFields<Self>(["consultation": \.consultation, "href": \.href, "receipt": \.receipt, "date": \.date,
                                              "answered": \.answered, "closes": \.closes])
    let consultation: String
    let href: String
    let receipt: String
    let date: String
    let answered: String
    let closes: String
    var cachePolicy: CachePolicy { .perVisitor }
}
