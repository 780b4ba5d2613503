import CivicSDK
import Foundation
import Hummingbird

/// Turning notifications off: the one-click link of every notification (RFC 8058: a `POST` from the
/// mail program, or the page it opens with its button), and the choice on the account page.
struct MailPreferenceRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("mail/unsubscribe/:token", use: unsubscribePage)
        router.post("mail/unsubscribe/:token", use: unsubscribe)
        router.post("account/mail", use: savePreferences)
    }

    /// The page a click on the link opens: what it stops, and the button (a link scanner's GET changes nothing).
    @Sendable func unsubscribePage(_ request: Request, context: CivicContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard services.unsubscribe.target(token, tenant: context.tenant.slug) != nil else { throw notFound(context) }
        return try context.render(UnsubscribePage(action: HostRoute.unsubscribe(token).href(context), done: false,
                                                  preferencesHref: HostRoute.account().href(context)),
                                  title: context.text("notify.unsubscribe_title"))
    }

    /// Turns the kind off; answers a mail program's one-click `POST` and a visitor's button alike.
    @Sendable func unsubscribe(_ request: Request, context: CivicContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let (accountID, target) = services.unsubscribe.target(token, tenant: context.tenant.slug) else { throw notFound(context) }
        try await context.database.write(.nothingPublic) { db in
            switch target {
            case .kind(let kind): try MailPreferences.set(db, accountID: accountID, kind: kind, mode: .never)
            case .digest(let mode): try MailPreferences.stopDigest(db, accountID: accountID, digest: mode)
            case .entry(let id): try FeedbackContacts.stopNotifying(db, id: id)
            }
        }
        return try context.render(UnsubscribePage(action: "", done: true, preferencesHref: HostRoute.account().href(context)),
                                  title: context.text("notify.unsubscribe_title"))
    }

    private func notFound(_ context: CivicContext) -> HTTPError {
        HTTPError(.notFound, message: context.text("notify.unsubscribe_unknown"))
    }

    /// The account page's choice: for each kind, at once, a daily or weekly digest, or never.
    @Sendable func savePreferences(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        let kinds = MailPreferences.kinds(for: context)
        let chosen = try kinds.map { kind in
            guard let mode = MailPreferences.Mode(rawValue: context.form.text("mail_\(kind.rawValue)")) else {
                throw HTTPError(.badRequest, message: context.text("notify.error.mode"))
            }
            return (kind, mode)
        }
        let locale = context.locale
        try await context.database.write(.nothingPublic) { db in
            for (kind, mode) in chosen { try MailPreferences.set(db, accountID: account.id, kind: kind, mode: mode) }
            try AccountStore.setLocale(db, id: account.id, locale: locale)
        }
        return context.redirect(HostRoute.account(), notice: .saved)
    }
}

/// `{root}/mail/unsubscribe/{token}`: the button, then the confirmation.
struct UnsubscribePage: PageModel {
    static let template = "unsubscribe"
    static let fields = TemplateFields<Self>(["action": \.action, "done": \.done, "preferencesHref": \.preferencesHref])
    let action: String, done: Bool, preferencesHref: String
    var cachePolicy: CachePolicy { .perVisitor }
}
