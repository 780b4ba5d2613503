import CivicSDK
import Foundation

/// The one-click unsubscribe link every notification and digest carries (RFC 8058: a
/// `List-Unsubscribe` header with `List-Unsubscribe-Post`, and the same link in the footer beside
/// the account's preferences). Its token names the account and what it stops, signed for the tenant.
struct UnsubscribeLinks: Sendable {
    /// What a link stops: one kind of notification, every kind the account gets in one digest, or
    /// (for a visitor without an account) the answer to one comment or suggestion.
    enum Target: Sendable, Equatable {
        case kind(MailPreferences.Kind)
        case digest(MailPreferences.Mode)
        case entry(Int64)

        fileprivate var name: String {
            switch self {
            case .kind(let kind): kind.rawValue
            case .digest(let mode): "digest-\(mode.rawValue)"
            case .entry(let id): "entry-\(id)"
            }
        }

        fileprivate init?(name: String) {
            if let kind = MailPreferences.Kind(rawValue: name) { self = .kind(kind); return }
            if name.hasPrefix("entry-"), let id = Int64(name.dropFirst(6)) { self = .entry(id); return }
            guard name.hasPrefix("digest-"), let mode = MailPreferences.Mode(rawValue: String(name.dropFirst(7))), mode.period != nil else { return nil }
            self = .digest(mode)
        }
    }

    let signer: Signer

    func token(accountID: Int64, target: Target, tenant: String) -> String {
        signer.token("\(accountID).\(target.name)", scope: Self.scope(tenant))
    }

    /// The account and what it stops, when `token` was signed for `tenant`.
    func target(_ token: String, tenant: String) -> (accountID: Int64, target: Target)? {
        guard let value = signer.verify(token, scope: Self.scope(tenant)), let dot = value.firstIndex(of: "."),
              let id = Int64(value[..<dot]), let target = Target(name: String(value[value.index(after: dot)...])) else { return nil }
        return (id, target)
    }

    private static func scope(_ tenant: String) -> String { "unsubscribe|\(tenant)" }

    /// A notification to `account` through `mail`: the message with the unsubscribe link and the
    /// preferences in its footer (for an account), and the RFC 8058 headers. `text` gives the mail's language's words.
    func notification(_ mail: TenantMail, to account: AccountStore.Stored, stops target: Target, subject: String, paragraphs: [String],
                      sections: [TenantMail.Section] = [], link: (label: String, path: String), closing: String, text: (String) -> String) -> MailMessage {
        let unsubscribe = HostRoute.unsubscribe(token(accountID: account.id, target: target, tenant: mail.tenant.slug)).path
        var message = mail.message(to: "\(account.displayName) <\(account.email)>", subject: subject, paragraphs: paragraphs, sections: sections, link: link,
                                   closing: closing, footer: [(text("notify.unsubscribe"), unsubscribe)]
                                       + (account.id > 0 ? [(text("notify.preferences"), HostRoute.account().path)] : []))
        message.extraHeaders = [("List-Unsubscribe", "<\(mail.address(unsubscribe))>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]
        return message
    }
}
