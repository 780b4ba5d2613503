import CivicSDK
import Foundation
import GRDB
import Hummingbird
import NIOCore

/// The platform's own pages: the portal listing communes, health and metrics, and the console
/// where platform admins create tenants, decide which modules each may use, and add admins.
struct PlatformRoutes {
    let services: HostServices

    func register(on router: Router<PlatformContext>) {
        router.get("/", use: portal)
        router.get("healthz") { _, _ in Self.plain("ok\n") }
        router.get("readyz", use: ready)
        router.get("metrics", use: metrics)
        router.get("admin/login", use: loginForm)
        router.post("admin/login", use: login)
        router.post("admin/logout", use: logout)
        router.get("admin", use: console)
        router.post("admin/tenants", use: createTenant)
        router.get("admin/tenants/:slug", use: tenant)
        router.post("admin/tenants/:slug/modules", use: saveModules)
        router.post("admin/tenants/:slug/admins", use: addTenantAdmin)
        router.get("admin/admins", use: admins)
        router.post("admin/admins", use: addAdmin)
    }

    func text(_ key: String, _ context: PlatformContext) -> String {
        services.renderer.text(key, module: nil, locale: context.request.locale)
    }

    func render<Page: PageModel>(_ page: Page, title: String, context: PlatformContext, status: HTTPResponse.Status = .ok) throws -> Response {
        try services.renderer.page(page, module: nil, title: title, chrome: context.chrome, status: status)
    }

    static func plain(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }

    @Sendable func portal(_ request: Request, context: PlatformContext) async throws -> Response {
        let locale = context.request.locale
        let local = services.registry.all().filter { $0.tenant.kind == .commune }.map { entry in
            (entry.tenant.slug, PortalPage.Commune(name: entry.tenant.displayName(locale), href: TenantLinks.home(entry),
                               instances: services.registry.instances(of: entry.tenant.slug).map { .init(name: $0.tenant.displayName(locale), href: TenantLinks.home($0)) }))
        }
        // a cluster's other hosts serve the rest, reached through the same HAProxy
        let remote = services.registry.remote()
        let elsewhere = remote.filter { $0.kind == .commune }.map { commune in
            (commune.slug, PortalPage.Commune(name: commune.displayName(locale), href: commune.home,
                                              instances: remote.filter { $0.parent == commune.slug }.map { .init(name: $0.displayName(locale), href: $0.home) }))
        }
        let communes = (local + elsewhere).sorted { $0.0 < $1.0 }.map(\.1)
        return try render(PortalPage(communes: communes), title: "OpenCommune", context: context)
    }

    @Sendable func ready(_ request: Request, context: PlatformContext) async throws -> Response {
        do {
            _ = try await services.platform.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
            return Self.plain("ready\n")
        } catch {
            return Self.plain("platform database unavailable\n", status: .serviceUnavailable)
        }
    }

    /// Readable from the addresses of `metrics.allow` (loopback by default) or with `metrics.token` as a bearer token.
    @Sendable func metrics(_ request: Request, context: PlatformContext) async throws -> Response {
        let config = services.config
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let tokenMatches = config.metricsToken.map { token in bearer.map { RandomToken.equal($0, token) } ?? false } ?? false
        guard config.metricsAllowed.contains(context.request.clientAddress) || tokenMatches else {
            return Self.plain("Metrics are readable only from the addresses in metrics.allow or with metrics.token.\n", status: .forbidden)
        }
        let body = services.metrics.text(openDatabases: services.pools.openCount, tenants: services.registry.all().count)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    // MARK: sign-in

    @Sendable func loginForm(_ request: Request, context: PlatformContext) async throws -> Response {
        if context.request.admin != nil { return Self.redirect(PlatformRoute.console.path) }
        return try renderLogin(context, email: "", error: nil, status: .ok)
    }

    private func renderLogin(_ context: PlatformContext, email: String, error: String?, status: HTTPResponse.Status) throws -> Response {
        try render(LoginPage(platform: true, email: email, errors: error.map { [$0] } ?? [], action: PlatformRoute.signIn.path, registerHref: nil),
                   title: text("platform.sign_in", context), context: context, status: status)
    }

    @Sendable func login(_ request: Request, context: PlatformContext) async throws -> Response {
        let form = context.request.form
        let email = AccountStore.normalizedEmail(form.text("email"))
        let password = form["password"] ?? ""
        let found = try await services.platform.pool.read { db in try PlatformAdmins.find(db, email: email) }
        switch try await services.signIn.check(scope: "platform", clientAddress: context.request.clientAddress, email: email,
                                               password: password, storedHash: found?.hash) {
        case .blocked:
            return try renderLogin(context, email: email, error: text("account.error.too_many_attempts", context), status: .tooManyRequests)
        case .refused:
            return try renderLogin(context, email: email, error: text("account.error.bad_credentials", context), status: .unauthorized)
        case .accepted:
            break
        }
        guard let found else { throw HTTPError(.unauthorized) }
        let days = services.config.sessionDays
        let token = try await services.platform.pool.write { db in try PlatformAdmins.createSession(db, adminID: found.id, days: days) }
        var response = Self.redirect(PlatformRoute.console.path)
        response.setCookie(SessionCookies.make(SessionCookies.admin, value: token, root: PlatformDispatch.cookiePath,
                                               maxAge: days * 86_400, secure: services.config.secureCookies))
        return response
    }

    @Sendable func logout(_ request: Request, context: PlatformContext) async throws -> Response {
        if let token = request.cookies[SessionCookies.admin]?.value {
            try await services.platform.pool.write { db in try PlatformAdmins.deleteSession(db, token: token) }
        }
        var response = Self.redirect(PlatformRoute.signIn.path)
        response.setCookie(SessionCookies.expire(SessionCookies.admin, root: PlatformDispatch.cookiePath, secure: services.config.secureCookies))
        return response
    }

    // MARK: console

    @Sendable func console(_ request: Request, context: PlatformContext) async throws -> Response {
        guard context.request.admin != nil else { return Self.redirect(PlatformRoute.signIn.path) }
        return try renderConsole(context, form: .init(), errors: [], status: .ok)
    }

    private func renderConsole(_ context: PlatformContext, form: PlatformConsolePage.Typed, errors: [String], status: HTTPResponse.Status) throws -> Response {
        let locale = context.request.locale
        let tenants = services.registry.all().map { entry in
            PlatformConsolePage.Row(slug: entry.tenant.slug, name: entry.tenant.displayName(locale), href: PlatformRoute.tenant(entry.tenant.slug).path,
                                    kind: text("tenant.kind.\(entry.tenant.kind.rawValue)", context), parent: entry.tenant.parentSlug ?? "",
                                    hosts: entry.hosts.joined(separator: ", "), siteHref: TenantLinks.home(entry),
                                    modules: services.modules.ids.filter { entry.isEnabled($0) }.joined(separator: ", "))
        } + services.registry.remote().map { remote in
            // served by another host of the cluster: managed from that host's console
            PlatformConsolePage.Row(slug: remote.slug, name: remote.displayName(locale), href: nil, kind: text("tenant.kind.\(remote.kind.rawValue)", context),
                                    parent: remote.parent ?? "", hosts: remote.hosts.joined(separator: ", "), siteHref: remote.home,
                                    modules: text("platform.served_by", context) + " " + remote.host)
        }
        let communes = services.registry.all().filter { $0.tenant.kind == .commune }.map { PlatformConsolePage.Parent(slug: $0.tenant.slug, selected: form.parent == $0.tenant.slug) }
        return try render(PlatformConsolePage(tenants: tenants, communes: communes, errors: errors, form: form),
                          title: text("platform.console", context), context: context, status: status)
    }

    @Sendable func createTenant(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.requireAdmin()
        let form = context.request.form
        let kind = Tenant.Kind(rawValue: form.text("kind")) ?? .commune
        let parent = form.text("parent")
        let new = TenantService.NewTenant(
            slug: form.text("slug").lowercased(), name: form.localized("name", locales: Locales.supported), kind: kind,
            parent: kind == .instance && !parent.isEmpty ? parent : nil,
            hosts: form.text("hosts").split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() },
            locales: Locales.supported.filter { form.all("locales").contains($0) })
        do {
            let tenants = services.tenants
            try await Task.detached { try tenants.create(new) }.value
        } catch let error as PlatformError {
            let echo = PlatformConsolePage.Typed(slug: new.slug, nameFr: form.text("name.fr"), nameAr: form.text("name.ar"), nameEn: form.text("name.en"),
                                                 hosts: form.text("hosts"), kind: kind.rawValue, parent: parent)
            return try renderConsole(context, form: echo, errors: [error.message(in: context.request.locale, renderer: services.renderer)], status: .badRequest)
        }
        return Self.redirect(Notice.created.appended(to: PlatformRoute.tenant(new.slug).path))
    }

    @Sendable func admins(_ request: Request, context: PlatformContext) async throws -> Response {
        guard context.request.admin != nil else { return Self.redirect(PlatformRoute.signIn.path) }
        return try await renderAdmins(context, email: "", errors: [], status: .ok)
    }

    /// The platform belongs to no tenant: its pages show days in UTC, in the visitor's language.
    static func platformDates(_ context: PlatformContext) -> DateText {
        var formats = TenantFormats.moroccan
        formats.timeZone = "UTC"
        return DateText(locale: context.request.locale, formats: formats)
    }

    private func renderAdmins(_ context: PlatformContext, email: String, errors: [String], status: HTTPResponse.Status) async throws -> Response {
        let admins = try await services.platform.pool.read { db in try PlatformAdmins.all(db) }
        let page = PlatformAdminsPage(admins: admins.map { .init(email: $0.email, since: Self.platformDates(context).day($0.createdAt)) }, email: email,
                                      errors: errors, minLength: PasswordHasher.minimumLength)
        return try render(page, title: text("platform.admins", context), context: context, status: status)
    }

    @Sendable func addAdmin(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.requireAdmin()
        let form = context.request.form
        let email = AccountStore.normalizedEmail(form.text("email"))
        let password = form["password"] ?? ""
        var errors: [String] = []
        if !AccountStore.isPlausibleEmail(email) { errors.append(text("account.error.email", context)) }
        if let problem = PasswordHasher.problem(password) { errors.append(text(problem, context)) }
        guard errors.isEmpty else { return try await renderAdmins(context, email: email, errors: errors, status: .badRequest) }
        let hash = try await services.hasher.hash(password)
        let created = try await services.platform.pool.write { db in try PlatformAdmins.create(db, email: email, passwordHash: hash) }
        guard created else { return try await renderAdmins(context, email: email, errors: [text("platform.error.admin_taken", context)], status: .badRequest) }
        return Self.redirect(Notice.created.appended(to: PlatformRoute.admins.path))
    }
}
