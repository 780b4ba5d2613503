import CivicSDK
import Foundation
import Hummingbird

/// Changing one's address: asked with the password, confirmed by a link sent to the new address,
/// and the old address told both when it is asked and when it is done.
struct EmailChangeRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.post("account/email", use: request)
        router.get("account/email/:token", use: confirm)
    }

    @Sendable func request(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        let address = AccountStore.normalizedEmail(context.form.text("email"))
        let password = context.form["password"] ?? ""
        guard AccountStore.isPlausibleEmail(address), address != account.email else {
            throw HTTPError(.badRequest, message: context.text("account.error.email"))
        }
        let stored = try await context.database.read { db in try AccountStore.find(db, id: account.id) }
        guard let stored, try await services.hasher.verify(password, hash: stored.passwordHash) else {
            throw HTTPError(.forbidden, message: context.text("account.error.current_password"))
        }
        guard services.passwordResets.admit(["\(context.tenant.slug)|\(context.clientAddress)", "\(context.tenant.slug)|mail|\(account.email)"]) else {
            throw HTTPError(.tooManyRequests, message: context.text("account.error.too_many_resets"))
        }
        let mail = TenantMail(context, settings: services.senders.settings(context.tenant.slug))
        let text = { @Sendable (key: String) in context.text("account.email_mail.\(key)") }
        try await context.database.write(.nothingPublic) { db in
            let token = try EmailChanges.create(db, accountID: account.id, address: address)
            try Outbox.enqueue(db, mail.message(
                to: "\(account.displayName) <\(address)>", subject: text("new_subject"),
                paragraphs: [String(format: text("hello"), account.displayName), String(format: text("new_why"), account.email)],
                link: (text("new_link"), HostRoute.confirmEmailChange(token).path), closing: text("new_ignore")), kind: "email_change")
            try Outbox.enqueue(db, mail.message(
                to: "\(account.displayName) <\(account.email)>", subject: text("old_subject"),
                paragraphs: [String(format: text("hello"), account.displayName), String(format: text("old_why"), address)],
                link: (text("old_link"), HostRoute.passwordForgot.path), closing: text("old_ignore")), kind: "email_change_notice")
        }
        services.mail.wake(context.tenant.slug)
        return context.redirect(HostRoute.account(), notice: .linkSent)
    }

    @Sendable func confirm(_ request: Request, context: CivicContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let mail = TenantMail(context, settings: services.senders.settings(context.tenant.slug))
        let text = { @Sendable (key: String) in context.text("account.email_mail.\(key)") }
        // the old address is told in the change's own transaction, like every mail (Outbox)
        let outcome = try await context.database.write(.nothingPublic) { db in
            let outcome = try EmailChanges.confirm(db, token: token)
            if case .changed(let name, let old, let new) = outcome {
                try Outbox.enqueue(db, mail.message(
                    to: "\(name) <\(old)>", subject: text("done_subject"),
                    paragraphs: [String(format: text("hello"), name), String(format: text("done_why"), new)],
                    link: (text("old_link"), HostRoute.passwordForgot.path), closing: text("old_ignore")), kind: "email_change_notice")
            }
            return outcome
        }
        switch outcome {
        case .unknown:
            return try context.render(LinkGonePage(message: context.text("account.confirm_gone"), againHref: HostRoute.account().href(context),
                                                   againLabel: context.text("account.title")), title: context.text("account.link_gone_title"), status: .gone)
        case .taken:
            throw HTTPError(.conflict, message: context.text("account.error.email_taken"))
        case .changed:
            services.mail.wake(context.tenant.slug)
            return context.redirect(context.account == nil ? HostRoute.signIn : HostRoute.account(), notice: .emailChanged)
        }
    }
}
