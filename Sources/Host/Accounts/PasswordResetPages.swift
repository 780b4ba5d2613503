import CivicSDK

/// `{root}/password/forgot`: the address to send a link to, and the same answer once asked.
struct PasswordForgotPage: PageModel {
    static let template = "password-forgot"
    static let fields = TemplateFields<Self>(["action": \.action, "email": \.email, "sent": \.sent, "error": \.error])
    let action: String, email: String, sent: Bool, error: String?
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/password/reset/{token}`: the new password, twice.
struct PasswordResetPage: PageModel {
    static let template = "password-reset"
    static let fields = TemplateFields<Self>(["action": \.action, "errors": \.errors, "hasErrors": \.hasErrors, "minLength": \.minLength])
    let action: String, errors: [String], minLength: Int
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// A link sent by mail that no longer works (used, expired, unknown), with the way to ask again.
struct LinkGonePage: PageModel {
    static let template = "link-gone"
    static let fields = TemplateFields<Self>(["message": \.message, "againHref": \.againHref, "againLabel": \.againLabel])
    let message: String, againHref: String, againLabel: String
    var cachePolicy: CachePolicy { .perVisitor }
}
