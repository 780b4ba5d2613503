import CivicSDK
import Foundation
import Hummingbird

/// "Forgot your password?": a link by e-mail that sets a new one. The form answers the same whether
/// or not an account uses the address (it tells nobody who has an account), is limited per address
/// and per e-mail, and the link works once, for an hour; using it closes every session of the account.
struct PasswordResetRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("password/forgot", use: forgotForm)
        router.post("password/forgot", use: forgot)
        router.get("password/reset/:token", use: resetForm)
        router.post("password/reset/:token", use: reset)
    }

    @Sendable func forgotForm(_ request: Request, context: CivicContext) async throws -> Response {
        try render(context, email: "", sent: false, error: nil, status: .ok)
    }

    private func render(_ context: CivicContext, email: String, sent: Bool, error: String?, status: HTTPResponse.Status) throws -> Response {
        try context.render(PasswordForgotPage(action: HostRoute.passwordForgot.href(context), email: email, sent: sent, error: error),
                           title: context.text("account.forgot_title"), status: status)
    }

    @Sendable func forgot(_ request: Request, context: CivicContext) async throws -> Response {
        let email = AccountStore.normalizedEmail(context.form.text("email"))
        guard AccountStore.isPlausibleEmail(email) else {
            return try render(context, email: email, sent: false, error: context.text("account.error.email"), status: .badRequest)
        }
        let slug = context.tenant.slug
        guard services.passwordResets.admit(["\(slug)|\(context.clientAddress)", "\(slug)|mail|\(email)"]) else {
            return try render(context, email: email, sent: false, error: context.text("account.error.too_many_resets"), status: .tooManyRequests)
        }
        let mail = TenantMail(context, settings: services.senders.settings(context.tenant.slug))
        let queued = try await context.database.write(.nothingPublic) { db -> Bool in
            guard let account = try AccountStore.findActive(db, email: email) else { return false }
            let token = try PasswordResets.create(db, accountID: account.id)
            try Outbox.enqueue(db, mail.message(
                to: "\(account.displayName) <\(account.email)>", subject: context.text("account.reset_mail.subject"),
                paragraphs: [String(format: context.text("account.reset_mail.hello"), account.displayName), context.text("account.reset_mail.why"),
                             context.text("account.reset_mail.expiry")],
                link: (context.text("account.reset_mail.link"), HostRoute.passwordReset(token).path),
                closing: context.text("account.reset_mail.ignore")), kind: "password_reset")
            return true
        }
        if queued { services.mail.wake(slug) }
        // the same page either way
        return try render(context, email: "", sent: true, error: nil, status: .ok)
    }

    @Sendable func resetForm(_ request: Request, context: CivicContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard try await context.database.read({ db in try PasswordResets.account(db, token: token) }) != nil else { return try gone(context) }
        return try renderReset(context, token: token, errors: [], status: .ok)
    }

    private func renderReset(_ context: CivicContext, token: String, errors: [String], status: HTTPResponse.Status) throws -> Response {
        try context.render(PasswordResetPage(action: HostRoute.passwordReset(token).href(context), errors: errors, minLength: PasswordHasher.minimumLength),
                           title: context.text("account.reset_title"), status: status)
    }

    /// A link used, expired or never made: 410 with the way to ask for a new one.
    private func gone(_ context: CivicContext) throws -> Response {
        try context.render(LinkGonePage(message: context.text("account.reset_gone"), againHref: HostRoute.passwordForgot.href(context),
                                        againLabel: context.text("account.reset_again")), title: context.text("account.link_gone_title"), status: .gone)
    }

    @Sendable func reset(_ request: Request, context: CivicContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let accountID = try await context.database.read({ db in try PasswordResets.account(db, token: token) }) else { return try gone(context) }
        let password = context.form["password"] ?? ""
        var errors: [String] = []
        if let problem = PasswordHasher.problem(password) { errors.append(context.text(problem)) }
        if password != (context.form["password_confirm"] ?? "") { errors.append(context.text("account.error.password_mismatch")) }
        guard errors.isEmpty else { return try renderReset(context, token: token, errors: errors, status: .badRequest) }
        let hash = try await services.hasher.hash(password)
        let changed = try await context.database.write(.nothingPublic) { db -> Bool in
            guard try PasswordResets.consume(db, token: token) else { return false }
            // the link came by mail to the account's address: following it also confirms that address
            try db.execute(sql: "UPDATE account SET password_hash = ?, confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?",
                           arguments: [hash, Date(), accountID])
            try AccountStore.deleteOtherSessions(db, accountID: accountID, keep: nil)
            return true
        }
        guard changed else { return try gone(context) }
        return context.redirect(HostRoute.signIn, notice: .passwordChanged)
    }
}
