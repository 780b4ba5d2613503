import CivicSDK

/// One option of a drop-down list or a group of choices.
struct Choice: TemplateModel {
    static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "selected": \.selected, "checked": \.selected,
                                              "fieldID": \.fieldID])
    let value: String, label: String, selected: Bool
    var fieldID = ""
}

/// `{root}/admin`: the console's home, with each enabled module's links.
struct ConsoleHomePage: PageModel {
    static let template = "console"
    static let fields = TemplateFields<Self>(["isAdmin": \.isAdmin, "links": \.links, "hasLinks": \.hasLinks, "feedbackHref": \.feedbackHref])

    struct ModuleLink: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href, "module": \.module])
        let label: String, href: String, module: String
    }

    let isAdmin: Bool, links: [ModuleLink]
    /// The queue of comments and suggestions, for those who answer them.
    let feedbackHref: String?
    var hasLinks: Bool { !links.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/modules`: each module with its state, permissions and settings.
struct ModulesConsolePage: PageModel {
    static let template = "console-modules"
    static let fields = TemplateFields<Self>(["modules": \.modules, "errors": \.errors])

    struct Module: TemplateModel {
        static let fields = TemplateFields<Self>([
            "id": \.id, "title": \.title, "summary": \.summary, "allowed": \.allowed, "enabled": \.enabled, "toggleAction": \.toggleAction,
            "permissions": \.permissions, "hasSettings": \.hasSettings, "settingsAction": \.settingsAction, "settings": \.settings,
        ])
        let id: String, title: String, summary: String, allowed: Bool, enabled: Bool, toggleAction: String
        let permissions: [PermissionRow], hasSettings: Bool, settingsAction: String, settings: [Setting]
    }

    struct PermissionRow: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "roles": \.roles])
        let title: String, roles: String
    }

    struct Setting: TemplateModel {
        static let fields = TemplateFields<Self>(["key": \.key, "fieldID": \.fieldID, "label": \.label, "isFlag": \.isFlag, "checked": \.checked,
                                                  "isNumber": \.isNumber, "value": \.value])
        let key: String, fieldID: String, label: String, isFlag: Bool, checked: Bool, isNumber: Bool, value: String
    }

    let modules: [Module], errors: [String]
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/users`: each account with its roles.
struct UsersConsolePage: PageModel {
    static let template = "console-users"
    static let fields = TemplateFields<Self>(["users": \.users, "errors": \.errors, "invite": \.invite])

    /// The invitation form: an address, a name, a role (and an editor's module).
    struct Invite: TemplateModel {
        static let fields = TemplateFields<Self>(["action": \.action, "email": \.email, "name": \.name, "roles": \.roles, "modules": \.modules])
        let action: String, email: String, name: String, roles: [Choice], modules: [Choice]
    }

    struct User: TemplateModel {
        static let fields = TemplateFields<Self>(["email": \.email, "name": \.name, "action": \.action, "roles": \.roles,
                                                  "moduleFieldID": \.moduleFieldID, "moduleOptions": \.moduleOptions, "active": \.active,
                                                  "activeAction": \.activeAction])
        let email: String, name: String, action: String, roles: [Choice], moduleFieldID: String, moduleOptions: [Choice]
        /// Whether the account may sign in, and where to switch that (`nil` for one's own account).
        let active: Bool, activeAction: String?
    }

    let users: [User], errors: [String], invite: Invite
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/settings`: the tenant's names, languages, colour and logo.
struct SettingsConsolePage: PageModel {
    static let template = "console-settings"
    static let fields = TemplateFields<Self>(["action": \.action, "names": \.names, "locales": \.locales, "accent": \.accent, "logo": \.logo,
                                              "errors": \.errors, "hasErrors": \.hasErrors, "logoPreview": \.logoPreview,
                                              "contacts": \.contacts, "notices": \.notices, "formats": \.formats, "zoneOfCommune": \.zoneOfCommune,
                                              "mailFrom": \.mailFrom, "platformFrom": \.platformFrom, "licences": \.licences])

    /// A commune's time zone, Arabic month names and digits, each choice shown with an example.
    struct Formats: TemplateModel {
        static let fields = TemplateFields<Self>(["zones": \.zones, "months": \.months, "digits": \.digits])
        let zones: [OptionView], months: [OptionView], digits: [OptionView]
    }

    /// One of the footer's notices: which public page holds it.
    struct Notice: TemplateModel {
        static let fields = TemplateFields<Self>(["key": \.key, "label": \.label, "options": \.options])
        let key: String, label: String, options: [OptionView]
    }

    struct Name: TemplateModel {
        static let fields = TemplateFields<Self>(["code": \.code, "label": \.label, "dir": \.dir, "value": \.value])
        let code: String, value: String
        var label: String { Locales.nativeName(code) }
        var dir: String { Locales.direction(code) }
    }

    struct Offered: TemplateModel {
        static let fields = TemplateFields<Self>(["code": \.code, "label": \.label, "offered": \.offered, "isDefault": \.isDefault])
        let code: String, offered: Bool, isDefault: Bool
        var label: String { Locales.nativeName(code) }
    }

    let action: String, names: [Name], locales: [Offered], accent: String, logo: String, errors: [String]
    /// Where the current logo is shown from, when there is one.
    let logoPreview: String?
    /// The footer's contact text, per offered language, and its notices.
    let contacts: [Name], notices: [Notice]
    /// The commune's choices; `nil` on an instance, which shows its commune's zone (``zoneOfCommune``).
    let formats: Formats?, zoneOfCommune: String?
    /// The tenant's own sender address (empty: the platform's, ``platformFrom``).
    let mailFrom: String, platformFrom: String
    /// The open-data licences, the tenant's chosen.
    let licences: [OptionView]
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
