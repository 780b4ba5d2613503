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
        view.notice = chrome.notice.map { text($0.textKey, module: nil, locale: chrome.locale) }
        if let tenant = chrome.tenant {
            view.themeHref = HostRoute.theme.path(chrome.root)
            view.logo = tenant.logoURL.map { .init(src: Self.logoSource($0, root: chrome.root)) }
            view.nav = modulesManifests.filter { chrome.modules.contains($0.id) }.map { type in
                let href = HostRoute.module(type.id).path(chrome.root)
                return .init(label: type.title.resolve(chrome.locale, fallbacks: tenant.locales), href: href,
                             current: chrome.path == href || chrome.path.hasPrefix(href + "/"))
            }
            view.parent = chrome.parent.map { .init(name: $0.name, href: $0.href) }
            // the pages under one's account (deleting it) sit under the account page
            let accountHref = HostRoute.account().path(chrome.root)
            let accountSection = chrome.path.hasPrefix(accountHref + "/")
                ? LayoutView.NavLink(label: text("account.title", module: nil, locale: chrome.locale), href: accountHref, current: false) : nil
            view.breadcrumbs = Self.breadcrumbs(title: title, path: chrome.path, home: view.homeHref, homeLabel: text("layout.home", module: nil, locale: chrome.locale),
                                                section: view.nav.first(where: \.current) ?? accountSection)
            let dashboard = HostRoute.dashboard.path(chrome.root)
            view.dashboard = .init(href: dashboard, current: chrome.path == dashboard, search: HostRoute.search().path(chrome.root),
                                   searchCurrent: chrome.path == HostRoute.search().path(chrome.root))
            if let account = chrome.account {
                view.account = .init(name: account.displayName, href: HostRoute.account().path(chrome.root), logout: HostRoute.signOut.path(chrome.root),
                                     console: account.isStaff ? ConsoleRoute.home.path(chrome.root) : nil)
            } else {
                view.signIn = HostRoute.signIn.path(chrome.root)
                view.register = HostRoute.register.path(chrome.root)
            }
            view.kindLabel = text("tenant.kind.\(tenant.kind.rawValue)", module: nil, locale: chrome.locale)
            let contact = chrome.footer.contact.resolve(chrome.locale, fallbacks: tenant.locales)
            view.contact = contact.isEmpty ? nil : contact
            view.notices = chrome.footer.notices.map { LinkView(label: text("layout.\($0.key)", module: nil, locale: chrome.locale), href: chrome.root + $0.path) }
        } else if chrome.platformAdmin {
            view.platformAccount = .init(logout: PlatformRoute.signOut.path)
        }
        return view
    }

    /// Home › section › page: the section is the module whose menu entry the page is under, left out
    /// on the section's own first page; nothing on the home page itself.
    static func breadcrumbs(title: String, path: String, home: String, homeLabel: String, section: LayoutView.NavLink?) -> [LayoutView.Crumb] {
        guard path != home, path + "/" != home else { return [] }
        var crumbs = [LayoutView.Crumb(label: homeLabel, href: home)]
        if let section, section.href != path { crumbs.append(.init(label: section.label, href: section.href)) }
        crumbs.append(.init(label: title, href: nil))
        return crumbs
    }
}
