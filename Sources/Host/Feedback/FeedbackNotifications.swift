import CivicSDK
import Foundation
import GRDB

/// Tells the author of a comment or suggestion by mail when staff answer it or moderation hides it,
/// and staff when a suggestion arrives or something is flagged: in the language it was written in,
/// only to a confirmed address that did not turn it off, at once (with a one-click unsubscribe, RFC
/// 8058, and a link to the account's preferences) or in the account's digest. Written in the
/// transaction of the answer or the hiding, like every mail (``Outbox``).
struct FeedbackNotifications: Sendable {
    let renderer: Renderer
    let senders: MailSenders
    let links: UnsubscribeLinks

    /// Staff answered `entry`: its author learns the outcome and the reason. Returns whether a mail was queued.
    @discardableResult
    func answered(_ db: Database, entry: FeedbackEntry, outcome: FeedbackOutcome, reason: LocalizedText, context: CivicContext) throws -> Bool {
        try notify(db, entry: entry, context: context) { text, locale in
            (text("notify.answered.subject"), [text("notify.answered.intro"), "\(text("feedback.response_label")) \(text("feedback.outcome.\(outcome.rawValue)"))",
                                              reason.resolve(locale, fallbacks: context.tenant.locales)])
        }
    }

    /// Moderation hid `entry`: its author learns why.
    @discardableResult
    func hidden(_ db: Database, entry: FeedbackEntry, reason: String, context: CivicContext) throws -> Bool {
        try notify(db, entry: entry, context: context) { text, _ in
            (text("notify.hidden.subject"), [text("notify.hidden.intro"), reason])
        }
    }

    private func notify(_ db: Database, entry: FeedbackEntry, context: CivicContext,
                        words: ((String) -> String, String) -> (subject: String, paragraphs: [String])) throws -> Bool {
        let tenant = context.tenant, locale = tenant.locales.contains(entry.locale) ? entry.locale : tenant.defaultLocale
        guard let accountID = entry.accountID else {
            // a visitor without an account who asked for the answer and confirmed the address
            guard let email = try FeedbackContacts.notifyAddress(db, id: entry.id) else { return false }
            let visitor = AccountStore.Stored(id: 0, email: email, displayName: entry.authorName, passwordHash: "")
            let text = { (key: String) in renderer.text(key, module: nil, locale: locale) }
            let (subject, paragraphs) = words(text, locale)
            let mail = TenantMail(tenant: tenant, locale: locale, settings: senders.settings(tenant.slug), base: context.request.publicBase)
            try Outbox.enqueue(db, links.notification(
                mail, to: visitor, stops: .entry(entry.id), subject: subject,
                paragraphs: [String(format: text("notify.hello"), entry.authorName)] + paragraphs + [text("notify.your_text"), entry.body],
                link: (text("notify.open"), HostRoute.feedbackEntry(entry.id).path), closing: text("notify.why_visitor"), text: text), kind: "feedback_visitor")
            return true
        }
        guard let account = try AccountStore.find(db, id: accountID) else { return false }
        return try send(db, to: account, kind: .feedbackUpdates, locale: locale, entry: entry, context: context, words: words)
    }

    /// A visitor without an account ticked "mail me the answer": the address is kept and a link that
    /// confirms it is mailed, in the page's language; only a confirmed address hears of the answer.
    func askToConfirm(_ db: Database, entryID: Int64, email: String, name: String, context: CivicContext) throws {
        try FeedbackContacts.askToNotify(db, id: entryID, email: email)
        let mail = TenantMail(context, settings: senders.settings(context.tenant.slug))
        try Outbox.enqueue(db, mail.message(
            to: "\(name) <\(email)>", subject: context.text("notify.visitor_confirm.subject"),
            paragraphs: [String(format: context.text("notify.hello"), name), context.text("notify.visitor_confirm.intro")],
            link: (context.text("notify.visitor_confirm.link"), HostRoute.confirmFeedbackContact(entryID, contactToken(entryID: entryID, email: email, tenant: context.tenant.slug)).path),
            closing: context.text("notify.visitor_confirm.ignore")), kind: "feedback_contact")
    }

    /// The link's token: the entry and the address (base64url, so the link stays one word), signed for the tenant.
    func contactToken(entryID: Int64, email: String, tenant: String) -> String {
        let address = Data(email.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return links.signer.token("\(entryID)~\(address)", scope: "feedback-contact|\(tenant)")
    }

    /// The address a token confirms for `entryID`, when it was signed for it in `tenant`.
    func confirmedContact(_ token: String, entryID: Int64, tenant: String) -> String? {
        guard let value = links.signer.verify(token, scope: "feedback-contact|\(tenant)"), let tilde = value.firstIndex(of: "~"),
              Int64(value[..<tilde]) == entryID else { return nil }
        var address = value[value.index(after: tilde)...].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        address += String(repeating: "=", count: (4 - address.count % 4) % 4)
        return Data(base64Encoded: address).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A suggestion arrived: every account that answers suggestions hears of it (but its author).
    @discardableResult
    func suggestionReceived(_ db: Database, entry: FeedbackEntry, subject: LocalizedText, context: CivicContext, policy: PermissionPolicy) throws -> Int {
        try staff(db, permission: "core.respond", kind: .staffSuggestions, entry: entry, context: context, policy: policy) { text, locale in
            (text("notify.staff_suggestion.subject"), [String(format: text("notify.staff_suggestion.intro"), subject.resolve(locale, fallbacks: context.tenant.locales))])
        }
    }

    /// A comment or suggestion was flagged for the first time: every moderator hears of it.
    @discardableResult
    func flagged(_ db: Database, entry: FeedbackEntry, reason: String, context: CivicContext, policy: PermissionPolicy) throws -> Int {
        try staff(db, permission: "core.moderate", kind: .staffFlags, entry: entry, context: context, policy: policy) { text, _ in
            (text("notify.staff_flag.subject"), [text("notify.staff_flag.intro"), reason])
        }
    }

    /// Mail to each account holding `permission` that wants `kind`, in the tenant's first language.
    private func staff(_ db: Database, permission: String, kind: MailPreferences.Kind, entry: FeedbackEntry, context: CivicContext, policy: PermissionPolicy,
                       words: ((String) -> String, String) -> (subject: String, paragraphs: [String])) throws -> Int {
        var sent = 0
        for (account, grants) in try AccountStore.all(db) where account.id != entry.accountID && policy.allows(grants, permission) {
            if try send(db, to: account, kind: kind, locale: context.tenant.defaultLocale, entry: entry, context: context, words: words) { sent += 1 }
        }
        return sent
    }

    /// One notification of `kind` about `entry` to `account`, as it wants it: a mail now (the words,
    /// the entry's text, its link, one-click unsubscribe and the preferences) or a line of its next digest.
    private func send(_ db: Database, to account: AccountStore.Stored, kind: MailPreferences.Kind, locale: String, entry: FeedbackEntry,
                      context: CivicContext, words: ((String) -> String, String) -> (subject: String, paragraphs: [String])) throws -> Bool {
        let mode = try MailPreferences.delivery(db, accountID: account.id, kind: kind)
        let text = { (key: String) in renderer.text(key, module: nil, locale: locale) }
        let (subject, paragraphs) = words(text, locale)
        switch mode {
        case .never:
            return false
        case .daily, .weekly:
            let excerpt = entry.body.count > 80 ? entry.body.prefix(79) + "…" : entry.body
            try DigestItems.add(db, accountID: account.id, cadence: mode, group: ("feedback:\(entry.id)", "« \(excerpt) »", HostRoute.feedbackEntry(entry.id).path),
                                line: ([subject] + paragraphs.dropFirst()).joined(separator: " — "), at: Date())
            return false
        case .immediate:
            let mail = TenantMail(tenant: context.tenant, locale: locale, settings: senders.settings(context.tenant.slug), base: context.request.publicBase)
            try Outbox.enqueue(db, links.notification(
                mail, to: account, stops: .kind(kind), subject: subject,
                paragraphs: [String(format: text("notify.hello"), account.displayName)] + paragraphs
                    + [text(kind == .feedbackUpdates ? "notify.your_text" : "notify.their_text"), entry.body],
                link: (text("notify.open"), HostRoute.feedbackEntry(entry.id).path), closing: text(kind == .feedbackUpdates ? "notify.why" : "notify.why_staff"),
                text: text), kind: kind.rawValue)
            return true
        }
    }
}
