import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Sign in, sign out, register, and the account page with password change, per tenant.
struct AccountRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("login", use: loginForm)
        router.post("login", use: login)
        router.post("logout", use: logout)
        router.get("register", use: registerForm)
        router.post("register", use: register)
        router.get("account", use: account)
        router.post("account/password", use: changePassword)
        router.get("account/confirm/:token", use: confirm)
        router.post("account/confirm", use: resendConfirmation)
    }

    private var secure: Bool { services.config.secureCookies }

    @Sendable func loginForm(_ request: Request, context: CivicContext) async throws -> Response {
        if context.account != nil { return context.redirect(HostRoute.account()) }
        return try renderLogin(context, email: "", error: nil, status: .ok)
    }

    private func renderLogin(_ context: CivicContext, email: String, error: String?, notice: String? = nil, status: HTTPResponse.Status) throws -> Response {
        try context.render(LoginPage(email: email, errors: error.map { [$0] } ?? [], action: HostRoute.signIn.href(context),
                                     notice: notice, registerHref: HostRoute.register.href(context),
                                     forgotHref: HostRoute.passwordForgot.href(context)), title: context.text("account.sign_in"), status: status)
    }

    @Sendable func login(_ request: Request, context: CivicContext) async throws -> Response {
        let email = AccountStore.normalizedEmail(context.form.text("email"))
        let password = context.form["password"] ?? ""
        guard !email.isEmpty, !password.isEmpty else {
            return try renderLogin(context, email: email, error: context.text("account.error.missing_credentials"), status: .badRequest)
        }
        let stored = try await context.database.read { db in try AccountStore.findActive(db, email: email) }
        switch try await services.signIn.check(scope: context.tenant.slug, clientAddress: context.clientAddress, email: email,
                                               password: password, storedHash: stored?.passwordHash) {
        case .blocked:
            return try renderLogin(context, email: email, error: context.text("account.error.too_many_attempts"), status: .tooManyRequests)
        case .refused:
            return try renderLogin(context, email: email, error: context.text("account.error.bad_credentials"), status: .unauthorized)
        case .accepted:
            break
        }
        guard let stored else { throw HTTPError(.unauthorized) }
        let days = services.config.sessionDays
        let token = try await context.database.write(.nothingPublic) { db in try AccountStore.createSession(db, accountID: stored.id, days: days) }
        var response = context.redirect(HostRoute.home)
        response.setCookie(SessionCookies.make(SessionCookies.session, value: token, root: context.root, maxAge: days * 86_400, secure: secure))
        response.setCookie(SessionCookies.expire(SessionCookies.csrf, root: context.root, secure: secure))
        return response
    }

    @Sendable func logout(_ request: Request, context: CivicContext) async throws -> Response {
        if let token = request.cookies[SessionCookies.session]?.value {
            try await context.database.write(.nothingPublic) { db in try AccountStore.deleteSession(db, token: token) }
        }
        var response = context.redirect(HostRoute.home)
        response.setCookie(SessionCookies.expire(SessionCookies.session, root: context.root, secure: secure))
        return response
    }

    @Sendable func registerForm(_ request: Request, context: CivicContext) async throws -> Response {
        if context.account != nil { return context.redirect(HostRoute.account()) }
        return try renderRegister(context, email: "", name: "", errors: [], status: .ok)
    }

    private func renderRegister(_ context: CivicContext, email: String, name: String, errors: [String], status: HTTPResponse.Status) throws -> Response {
        try context.render(RegisterPage(email: email, name: name, errors: errors, action: HostRoute.register.href(context),
                                        minLength: PasswordHasher.minimumLength, privacyHref: HostRoute.privacy.href(context)), title: context.text("account.register"), status: status)
    }

    @Sendable func register(_ request: Request, context: CivicContext) async throws -> Response {
        let email = AccountStore.normalizedEmail(context.form.text("email"))
        let name = context.form.text("name")
        let password = context.form["password"] ?? ""
        var errors: [String] = []
        if !AccountStore.isPlausibleEmail(email) { errors.append(context.text("account.error.email")) }
        if name.isEmpty || name.count > 100 { errors.append(context.text("account.error.name")) }
        if let problem = PasswordHasher.problem(password) { errors.append(context.text(problem)) }
        if password != (context.form["password_confirm"] ?? "") { errors.append(context.text("account.error.password_mismatch")) }
        guard errors.isEmpty else { return try renderRegister(context, email: email, name: name, errors: errors, status: .badRequest) }
        // each registration costs a bcrypt hash: the one way in without an account to make the server hash
        guard services.registrations.admit(["\(context.tenant.slug)|\(context.clientAddress)"]) else {
            return try renderRegister(context, email: email, name: name, errors: [context.text("account.error.too_many_registrations")],
                                      status: .tooManyRequests)
        }
        let hash = try await services.hasher.hash(password)
        let mail = TenantMail(context, settings: services.senders.settings(context.tenant.slug))
        try await context.database.write(.nothingPublic) { db in
            if let id = try AccountStore.create(db, email: email, displayName: name, passwordHash: hash, grants: [RoleGrant(.citizen)], confirmed: false) {
                try AccountStore.setLocale(db, id: id, locale: context.locale)
                try Self.queueConfirmation(db, accountID: id, to: "\(name) <\(email)>", name: name, mail: mail, context: context)
            } else if let owner = try AccountStore.find(db, email: email) {
                // the address has an account: its owner is told, and nobody else learns it
                try Outbox.enqueue(db, mail.message(
                    to: "\(owner.displayName) <\(owner.email)>", subject: context.text("account.taken_mail.subject"),
                    paragraphs: [String(format: context.text("account.taken_mail.hello"), owner.displayName), context.text("account.taken_mail.why")],
                    link: (context.text("account.taken_mail.link"), HostRoute.passwordForgot.path), closing: context.text("account.taken_mail.ignore")),
                    kind: "registration_attempt")
            }
        }
        services.mail.wake(context.tenant.slug)
        // the same answer whether the address was new or already had an account: registration does
        // not tell who has an account any more than sign-in does
        return try renderLogin(context, email: email, error: nil, notice: context.text("account.registered"), status: .ok)
    }

    /// Queues the mail with a new link that confirms the account's address.
    static func queueConfirmation(_ db: Database, accountID: Int64, to: String, name: String, mail: TenantMail, context: CivicContext) throws {
        let token = try AccountConfirmations.create(db, accountID: accountID)
        try Outbox.enqueue(db, mail.message(
            to: to, subject: context.text("account.confirm_mail.subject"),
            paragraphs: [String(format: context.text("account.confirm_mail.hello"), name), context.text("account.confirm_mail.why")],
            link: (context.text("account.confirm_mail.link"), HostRoute.confirmAddress(token).path), closing: context.text("account.confirm_mail.ignore")),
            kind: "confirm_address")
    }

    /// `{root}/account/confirm/{token}`: the link of the confirmation mail.
    @Sendable func confirm(_ request: Request, context: CivicContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard try await context.database.write(.nothingPublic, { db in try AccountConfirmations.confirm(db, token: token) }) else {
            return try context.render(LinkGonePage(message: context.text("account.confirm_gone"), againHref: HostRoute.account().href(context),
                                                   againLabel: context.text("account.confirm_again")),
                                      title: context.text("account.link_gone_title"), status: .gone)
        }
        return context.redirect(context.account == nil ? HostRoute.signIn : HostRoute.account(), notice: .confirmed)
    }

    /// Sends a new confirmation link to the signed-in account, if its address is not confirmed yet.
    @Sendable func resendConfirmation(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        guard services.passwordResets.admit(["\(context.tenant.slug)|\(context.clientAddress)", "\(context.tenant.slug)|mail|\(account.email)"]) else {
            throw HTTPError(.tooManyRequests, message: context.text("account.error.too_many_resets"))
        }
        let mail = TenantMail(context, settings: services.senders.settings(context.tenant.slug))
        try await context.database.write(.nothingPublic) { db in
            guard try !AccountStore.isConfirmed(db, id: account.id) else { return }
            try Self.queueConfirmation(db, accountID: account.id, to: "\(account.displayName) <\(account.email)>", name: account.displayName,
                                       mail: mail, context: context)
        }
        services.mail.wake(context.tenant.slug)
        return context.redirect(HostRoute.account(), notice: .linkSent)
    }

    @Sendable func account(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { return context.redirect(HostRoute.signIn) }
        return try await renderAccount(context, account: account, errors: [], done: request.uri.queryParameters["changed"] != nil, status: .ok)
    }

    private func renderAccount(_ context: CivicContext, account: SignedInAccount, errors: [String], done: Bool, status: HTTPResponse.Status) async throws -> Response {
        let roles = account.grants.sorted { $0.role.rawValue < $1.role.rawValue }.map { grant in
            context.text("role.\(grant.role.rawValue)")
                + (grant.module.map { id in " (\(services.modules.title(id, context)))" } ?? "")
        }
        let kinds = MailPreferences.kinds(for: context)
        let modules = services.enabledModules(context.tenant.slug), tenant = context.tenant
        let (confirmed, modes, own, followed, activity) = try await context.database.read { db in
            (try AccountStore.isConfirmed(db, id: account.id), try kinds.map { try MailPreferences.mode(db, accountID: account.id, kind: $0) },
             try FeedbackStore.byAccount(db, accountID: account.id), try Follows.all(db, accountID: account.id),
             try modules.map { (type(of: $0).id, try $0.accountRecords(db, tenant, accountID: account.id)) }.filter { !$0.1.isEmpty })
        }
        let records = activity.map { module, items in
            AccountPage.Records(module: services.modules.title(module, context), items: items.map {
                AccountPage.Record(title: context.shown($0.title), href: context.root + $0.path, date: context.dates.dateTime($0.date), detail: $0.detail)
            })
        }
        let subjects = own.isEmpty ? [:] : Dictionary((try await services.links.targets(context, for: [.feedback])[.feedback] ?? []).map { ($0.id, $0.title) },
                                                      uniquingKeysWith: { first, _ in first })
        let contributions = own.map { entry in
            AccountPage.Contribution(
                href: HostRoute.feedbackEntry(entry.id).href(context), kind: context.text("feedback.kind.\(entry.kind.rawValue)"),
                subject: subjects["\(entry.module):\(entry.item)"].map { context.localized($0) } ?? context.text("feedback.general_subject"),
                date: context.dates.day(entry.receivedAt),
                badge: entry.isHidden ? .init(label: context.text("feedback.hidden_by_moderation"), style: "late")
                    : entry.response.map { .init(label: context.text("feedback.outcome.\($0.outcome.rawValue)"), style: FeedbackEntryView.style($0.outcome)) }
                    ?? .init(label: context.text("feedback.status_waiting"), style: "waiting"),
                excerpt: String(entry.body.prefix(140)), lang: entry.locale, dir: Locales.direction(entry.locale))
        }
        return try context.render(AccountPage(email: account.email, name: account.displayName, roles: roles, errors: errors, done: done,
                                              action: HostRoute.password.href(context), minLength: PasswordHasher.minimumLength,
                                              resendAction: confirmed ? nil : HostRoute.resendConfirmation.href(context),
                                              mailAction: HostRoute.mailPreferences.href(context),
                                              mailKinds: zip(kinds, modes).map { kind, mode in
                                                  AccountPage.MailKind(name: "mail_\(kind.rawValue)", label: context.text("notify.mail_\(kind.rawValue)"),
                                                                       fieldID: "mail-\(kind.rawValue)", modes: MailPreferences.Mode.allCases.map {
                                                                           Choice(value: $0.rawValue, label: context.text("notify.mode.\($0.rawValue)"), selected: $0 == mode)
                                                                       })
                                              },
                                              follows: followed.map {
                                                  AccountPage.Followed(title: context.shown($0.title), href: context.root + $0.path, subject: $0.subject,
                                                                       since: context.dates.day($0.since))
                                              }, followAction: HostRoute.follow.href(context),
                                              dataHref: HostRoute.accountData.href(context), deleteHref: HostRoute.deleteAccount.href(context),
                                              privacyHref: HostRoute.privacy.href(context),
                                              contributions: contributions, emailAction: HostRoute.changeEmail.href(context), records: records),
                                  title: context.text("account.title"), status: status)
    }

    @Sendable func changePassword(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        let current = context.form["current_password"] ?? ""
        let new = context.form["new_password"] ?? ""
        var errors: [String] = []
        let stored = try await context.database.read { db in try AccountStore.find(db, id: account.id) }
        guard let stored else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        if try await !services.hasher.verify(current, hash: stored.passwordHash) { errors.append(context.text("account.error.current_password")) }
        if let problem = PasswordHasher.problem(new) { errors.append(context.text(problem)) }
        if new != (context.form["new_password_confirm"] ?? "") { errors.append(context.text("account.error.password_mismatch")) }
        guard errors.isEmpty else { return try await renderAccount(context, account: account, errors: errors, done: false, status: .badRequest) }
        let hash = try await services.hasher.hash(new)
        let keep = request.cookies[SessionCookies.session]?.value
        try await context.database.write(.nothingPublic) { db in
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, account.id])
            try AccountStore.deleteOtherSessions(db, accountID: account.id, keep: keep)
        }
        return context.redirect(HostRoute.account(changed: true))
    }
}
