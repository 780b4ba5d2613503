import CivicSDK
import GRDB
import Hummingbird

/// `/admin/tenants/{slug}`: what a platform admin does for one tenant once it exists: which modules
/// it may use and which are on, and its administrators (the first one, to hand the site over).
extension PlatformRoutes {
    @Sendable func tenant(_ request: Request, context: PlatformContext) async throws -> Response {
        guard context.request.admin != nil else { return Self.redirect(PlatformRoute.signIn.path) }
        return try await renderTenant(try entry(context), context: context, admin: .init(), errors: [], status: .ok)
    }

    private func entry(_ context: PlatformContext) throws -> TenantEntry {
        guard let entry = services.registry.entry(try context.parameters.require("slug")) else { throw HTTPError(.notFound) }
        return entry
    }

    func renderTenant(_ entry: TenantEntry, context: PlatformContext, admin: PlatformTenantPage.NewAdmin, errors: [String],
                      status: HTTPResponse.Status) async throws -> Response {
        let locale = context.request.locale, slug = entry.tenant.slug
        let modules = services.modules.manifests.map { type in
            let state = entry.modules[type.id]
            return PlatformTenantPage.Module(id: type.id, title: type.title.resolve(locale, fallbacks: ["fr"]), summary: type.summary.resolve(locale, fallbacks: ["fr"]),
                                             allowed: state?.allowed == true, enabled: state?.enabled == true)
        }
        let admins = try await services.database(slug).read { db in
            try AccountStore.all(db).filter { $0.1.contains { $0.role == .admin && $0.module == nil } }.map(\.0.email)
        }
        let page = PlatformTenantPage(slug: slug, name: entry.tenant.displayName(locale), kind: text("tenant.kind.\(entry.tenant.kind.rawValue)", context),
                                      siteHref: TenantLinks.home(entry), locales: entry.tenant.locales.joined(separator: ", "),
                                      hosts: entry.hosts.joined(separator: ", "), modules: modules, action: PlatformRoute.tenantModules(slug).path,
                                      admins: admins, adminAction: PlatformRoute.tenantAdmins(slug).path, newAdmin: admin, errors: errors,
                                      minLength: PasswordHasher.minimumLength)
        return try render(page, title: entry.tenant.displayName(locale), context: context, status: status)
    }

    /// Allowed modules may be switched on by the tenant's own admins; enabled ones are on now (a
    /// module switched on is allowed too).
    @Sendable func saveModules(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.requireAdmin()
        let entry = try entry(context), slug = entry.tenant.slug
        let enabled = Set(context.request.form.all("enabled"))
        let allowed = Set(context.request.form.all("allowed")).union(enabled)
        for id in allowed where services.modules.manifest(id) == nil {
            throw HTTPError(.badRequest, message: PlatformError("module_unknown", id).message(in: context.request.locale, renderer: services.renderer))
        }
        let tenants = services.tenants
        for id in services.modules.ids {
            let isOn = entry.isEnabled(id)
            if isOn && !enabled.contains(id) { try tenants.disable(slug, module: id) }
            try tenants.setAllowed(slug, module: id, allowed: allowed.contains(id))
            if !isOn && enabled.contains(id) { try await Task.detached { try tenants.enable(slug, module: id) }.value }
        }
        return Self.redirect(Notice.saved.appended(to: PlatformRoute.tenant(slug).path))
    }

    /// Gives the tenant an administrator: an invitation by mail (no password given: the invitee
    /// chooses one through a link valid a week), a new account with the password the platform admin
    /// hands over, or the admin role for an account that exists already.
    @Sendable func addTenantAdmin(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.requireAdmin()
        let entry = try entry(context)
        let form = context.request.form
        let admin = PlatformTenantPage.NewAdmin(email: AccountStore.normalizedEmail(form.text("email")), name: form.text("name"))
        let password = form["password"] ?? ""
        var errors: [String] = []
        if !AccountStore.isPlausibleEmail(admin.email) { errors.append(text("account.error.email", context)) }
        if admin.name.isEmpty || admin.name.count > 100 { errors.append(text("account.error.name", context)) }
        let invite = password.isEmpty
        if !invite, let problem = PasswordHasher.problem(password) { errors.append(text(problem, context)) }
        guard errors.isEmpty else { return try await renderTenant(entry, context: context, admin: admin, errors: errors, status: .badRequest) }
        let hash = try await services.hasher.hash(invite ? RandomToken.make() : password)
        let tenant = entry.tenant, locale = tenant.defaultLocale, settings = services.senders.settings(tenant.slug), renderer = services.renderer
        let base = services.publicAddress.base(of: entry)
        let mail = TenantMail(tenant: tenant, locale: locale, settings: settings, base: base)
        let words = { @Sendable (key: String) in renderer.text(key, module: nil, locale: locale) }
        try await services.database(tenant.slug).write(.nothingPublic) { db in
            if let existing = try AccountStore.find(db, email: admin.email) {
                try AccountStore.setGrants(db, accountID: existing.id, grants: try AccountStore.grants(db, accountID: existing.id).union([RoleGrant(.admin)]))
            } else if let id = try AccountStore.create(db, email: admin.email, displayName: admin.name, passwordHash: hash, grants: [RoleGrant(.admin)],
                                                       confirmed: !invite), invite {
                try Invitations.queue(db, accountID: id, name: admin.name, email: admin.email, inviter: words("platform.inviter"),
                                      role: words("role.admin"), mail: mail, words: words)
            }
        }
        if invite { services.mail.wake(tenant.slug) }
        return Self.redirect((invite ? Notice.invited : Notice.created).appended(to: PlatformRoute.tenant(entry.tenant.slug).path))
    }
}
