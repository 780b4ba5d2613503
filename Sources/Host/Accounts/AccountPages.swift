import CivicSDK

/// `{root}/login` and `/admin/login`: the sign-in form, with the reason a sign-in was refused.
struct LoginPage: PageModel {
    static let template = "login"
    static let fields = TemplateFields<Self>(["platform": \.platform, "email": \.email, "errors": \.errors, "action": \.action,
                                              "registerHref": \.registerHref, "notice": \.notice, "forgotHref": \.forgotHref])
    var platform = false
    let email: String, errors: [String], action: String
    /// What was just done (a registration received), shown above the form.
    var notice: String?
    /// Where a citizen creates an account (tenant sign-in only).
    let registerHref: String?
    /// Where someone who forgot a password asks for a link (tenant sign-in only).
    var forgotHref: String?
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/register`: a citizen's new account.
struct RegisterPage: PageModel {
    static let template = "register"
    static let fields = TemplateFields<Self>(["email": \.email, "name": \.name, "errors": \.errors, "hasErrors": \.hasErrors,
                                              "action": \.action, "minLength": \.minLength, "privacyHref": \.privacyHref])
    let email: String, name: String, errors: [String], action: String, minLength: Int, privacyHref: String
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/account`: the signed-in account, its roles, and changing its password.
struct AccountPage: PageModel {
    static let template = "account"
    static let fields = TemplateFields<Self>(["email": \.email, "name": \.name, "roles": \.roles, "errors": \.errors, "hasErrors": \.hasErrors,
                                              "done": \.done, "action": \.action, "minLength": \.minLength, "resendAction": \.resendAction,
                                              "mailAction": \.mailAction, "mailKinds": \.mailKinds, "follows": \.follows,
                                              "followAction": \.followAction, "dataHref": \.dataHref, "deleteHref": \.deleteHref,
                                              "hasFollows": \.hasFollows, "privacyHref": \.privacyHref,
                                              "contributions": \.contributions, "hasContributions": \.hasContributions,
                                              "emailAction": \.emailAction, "records": \.records])

    /// One kind of notification and how the account gets it (at once, daily, weekly, never).
    struct MailKind: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "label": \.label, "fieldID": \.fieldID, "modes": \.modes])
        let name: String, label: String, fieldID: String, modes: [Choice]
    }

    /// Something the account follows, with the button that stops it.
    struct Followed: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "subject": \.subject, "since": \.since])
        let title: LanguageText, href: String, subject: String, since: TimeText
    }

    /// What the account did in one module (its consultation receipts).
    struct Records: TemplateModel {
        static let fields = TemplateFields<Self>(["module": \.module, "items": \.items])
        let module: String, items: [Record]
    }

    struct Record: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "date": \.date, "detail": \.detail])
        let title: LanguageText, href: String, date: TimeText, detail: String?
    }

    /// One of the account's comments or suggestions: when, about what, where it stands.
    struct Contribution: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href, "kind": \.kind, "subject": \.subject, "date": \.date, "badge": \.badge,
                                                  "excerpt": \.excerpt, "lang": \.lang, "dir": \.dir])
        let href: String, kind: String, subject: String, date: TimeText, badge: FeedbackEntryView.Badge, excerpt: String, lang: String, dir: String
    }
    let email: String, name: String, roles: [String], errors: [String], done: Bool, action: String, minLength: Int
    /// Where to ask for a new confirmation link, while the address is not confirmed.
    let resendAction: String?
    /// The mail preferences form: each kind of notification the account may get, and how.
    let mailAction: String, mailKinds: [MailKind]
    /// What the account follows, and where it stops following.
    let follows: [Followed], followAction: String
    /// Where the account downloads its data, and where it is deleted.
    let dataHref: String, deleteHref: String
    /// The tenant's privacy notice.
    let privacyHref: String
    var hasFollows: Bool { !follows.isEmpty }
    /// The account's own comments and suggestions.
    let contributions: [Contribution]
    /// Where a new address is asked for.
    let emailAction: String
    /// What the account did in the modules, by module.
    let records: [Records]
    var hasContributions: Bool { !contributions.isEmpty }
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
