import CivicSDK

/// Any refused or failed request, as a page in the visitor's language.
struct ErrorPage: PageModel {
    static let template = "error"
    static let fields = TemplateFields<Self>(["status": \.status, "heading": \.heading, "explanation": \.explanation, "message": \.message,
                                              "signIn": \.signIn])
    let status: Int, heading: String, explanation: String
    /// What the refusal says about this request (a 4xx, or storage unavailable).
    let message: String?
    /// Where to sign in, on a 401.
    let signIn: String?
    var cachePolicy: CachePolicy { .perVisitor }
}
