import CivicSDK

/// `{root}/consultations/{id}/receipt/{code}`: proof that an answer was received.
struct ReceiptPage: PageModel {
    static let template = "receipt"
    static let fields = TemplateFields<Self>(["consultation": \.consultation, "href": \.href, "receipt": \.receipt, "date": \.date,
                                              "answered": \.answered, "closes": \.closes])
    let consultation: String, href: String, receipt: String, date: TimeText, answered: String, closes: TimeText
    var cachePolicy: CachePolicy { .perVisitor }
}
