import CivicSDK

extension Renderer {
    /// The layout around `content`: site, languages, navigation and the visitor's account.
    func layout(title: String, content: String, chrome: Chrome) -> LayoutView {
        let siteName = chrome.tenant.map { $0.displayName(chrome.locale) } ?? "OpenCommune"
        let separator = chrome.path.contains("?") ? "&" : "?"
        var view = LayoutView(
            dir: Locales.direction(chrome.locale), title: title, isHome: title == siteName, siteName: siteName, homeHref: chrome.root + "/",
            content: content,
            languages: chrome.locales.map { code in
                .init(code: code, name: Locales.nativeName(code), href: "\(chrome.path)\(separator)lang=\(code)", current: code == chrome.locale)
            })
        if let tenant = chrome.tenant {
            view.themeHref = "\(chrome.root)/theme.css"
            view.logo = tenant.logoURL.map { .init(src: Self.logoSource($0, root: chrome.root)) }
            view.nav = modulesManifests.filter { chrome.modules.contains($0.id) }.map { type in
                let href = "\(chrome.root)/\(type.id)"
                return .init(label: type.title.resolve(chrome.locale, fallbacks: tenant.locales), href: href,
                             current: chrome.path == href || chrome.path.hasPrefix(href + "/"))
            }
            view.parent = chrome.parent.map { .init(name: $0.name, href: $0.href) }
            let dashboard = "\(chrome.root)/dashboard"
            view.dashboard = .init(href: dashboard, current: chrome.path == dashboard, search: "\(chrome.root)/search",
                                   searchCurrent: chrome.path == "\(chrome.root)/search")
            if let account = chrome.account {
                view.account = .init(name: account.displayName, href: "\(chrome.root)/account", logout: "\(chrome.root)/logout",
                                     console: account.isStaff ? "\(chrome.root)/admin" : nil)
            } else {
                view.signIn = "\(chrome.root)/login"
                view.register = "\(chrome.root)/register"
            }
            view.kindLabel = text("tenant.kind.\(tenant.kind.rawValue)", module: nil, locale: chrome.locale)
        } else if chrome.platformAdmin {
            view.platformAccount = .init(logout: "/admin/logout")
        }
        return view
    }
}
