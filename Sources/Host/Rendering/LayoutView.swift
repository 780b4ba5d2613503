import CivicSDK

/// What the layout around every page shows: the site's name and logo, languages, navigation, the
/// visitor's account, and the page itself.
struct LayoutView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "dir": \.dir, "title": \.title, "isHome": \.isHome, "siteName": \.siteName, "homeHref": \.homeHref, "content": \.content,
        "languages": \.languages, "themeHref": \.themeHref, "logo": \.logo, "nav": \.nav, "parent": \.parent, "dashboard": \.dashboard,
        "account": \.account, "signIn": \.signIn, "register": \.register, "kindLabel": \.kindLabel, "platformAccount": \.platformAccount,
        "breadcrumbs": \.breadcrumbs, "hasBreadcrumbs": \.hasBreadcrumbs, "notice": \.notice, "contact": \.contact, "notices": \.notices, "hasNotices": \.hasNotices,
    ])

    struct Language: TemplateModel {
        static let fields = TemplateFields<Self>(["code": \.code, "name": \.name, "href": \.href, "current": \.current])
        let code: String, name: String, href: String, current: Bool
    }

    struct Logo: TemplateModel {
        static let fields = TemplateFields<Self>(["src": \.src])
        let src: String
    }

    struct NavLink: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href, "current": \.current])
        let label: String, href: String, current: Bool
    }

    struct Parent: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href])
        let name: String, href: String
    }

    struct Dashboard: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href, "current": \.current, "search": \.search, "searchCurrent": \.searchCurrent])
        let href: String, current: Bool, search: String, searchCurrent: Bool
    }

    struct Account: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href, "logout": \.logout, "console": \.console])
        let name: String, href: String, logout: String
        /// The console, for staff.
        let console: String?
    }

    /// A step of the breadcrumbs: a link, or the current page (no link).
    struct Crumb: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href])
        let label: String
        let href: String?
    }

    struct PlatformAccount: TemplateModel {
        static let fields = TemplateFields<Self>(["logout": \.logout])
        let logout: String
    }

    let dir: String, title: String, isHome: Bool, siteName: String, homeHref: String, content: String, languages: [Language]
    var themeHref: String?
    var logo: Logo?
    var nav: [NavLink] = []
    var parent: Parent?
    var dashboard: Dashboard?
    var account: Account?
    var signIn: String?
    var register: String?
    var kindLabel: String?
    var platformAccount: PlatformAccount?
    /// Home, the section the page is in, the page; empty on the home page.
    var breadcrumbs: [Crumb] = []
    var hasBreadcrumbs: Bool { !breadcrumbs.isEmpty }
    /// The banner saying what the visitor just did.
    var notice: String?
    /// How to reach the tenant, in the page's language.
    var contact: String?
    /// Legal notice, privacy notice, accessibility statement.
    var notices: [LinkView] = []
    var hasNotices: Bool { !notices.isEmpty }
}
