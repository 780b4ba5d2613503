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
        let tenant = context.tenant, locale = tenant.offeredLocale(entry.locale)
        guard let accountID = entry.accountID else {
            // a visitor without an account who asked for the answer and confirmed the address
            guard let email = try FeedbackContacts.notifyAddress(db, id: entry.id) else { return false }
            let visitor = AccountStore.Stored(id: 0, email: email, displayName: entry.authorName, passwordHash: "")
            try mail(db, to: visitor, stops: .entry(entry.id), locale: locale, entry: entry, context: context, words: words,
                     ownText: true, why: "notify.why_visitor", kind: "feedback_visitor")
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
        links.signer.token("\(entryID)~\(Data(email.utf8).base64URLEncoded)", scope: "feedback-contact|\(tenant)")
    }

    /// The address a token confirms for `entryID`, when it was signed for it in `tenant`.
    func confirmedContact(_ token: String, entryID: Int64, tenant: String) -> String? {
        guard let value = links.signer.verify(token, scope: "feedback-contact|\(tenant)"), let tilde = value.firstIndex(of: "~"),
              Int64(value[..<tilde]) == entryID else { return nil }
        return Data(base64URLEncoded: String(value[value.index(after: tilde)...])).map { String(decoding: $0, as: UTF8.self) }
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
        let cadence = try MailPreferences.delivery(db, accountID: account.id, kind: kind)
        guard cadence != .never else { return false }
        guard cadence == .immediate else {
            let (subject, paragraphs) = words({ renderer.text($0, module: nil, locale: locale) }, locale)
            let excerpt = entry.body.count > 80 ? entry.body.prefix(79) + "…" : entry.body
            try DigestItems.add(db, accountID: account.id, cadence: cadence, group: ("feedback:\(entry.id)", "« \(excerpt) »", HostRoute.feedbackEntry(entry.id).path),
                                line: ([subject] + paragraphs.dropFirst()).joined(separator: " — "), at: Date())
            return false
        }
        let own = kind == .feedbackUpdates
        try mail(db, to: account, stops: .kind(kind), locale: locale, entry: entry, context: context, words: words,
                 ownText: own, why: own ? "notify.why" : "notify.why_staff", kind: kind.rawValue)
        return true
    }

    /// Queues the mail about `entry` to `recipient`: greeting, the words, the entry's text (the
    /// recipient's `ownText` or someone else's), its link, why it came, and the one-click stop.
    private func mail(_ db: Database, to recipient: AccountStore.Stored, stops target: UnsubscribeLinks.Target, locale: String, entry: FeedbackEntry,
                      context: CivicContext, words: ((String) -> String, String) -> (subject: String, paragraphs: [String]),
                      ownText: Bool, why: String, kind: String) throws {
        let text = { (key: String) in renderer.text(key, module: nil, locale: locale) }
        let (subject, paragraphs) = words(text, locale)
        let mail = TenantMail(tenant: context.tenant, locale: locale, settings: senders.settings(context.tenant.slug), base: context.request.publicBase)
        try Outbox.enqueue(db, links.notification(
            mail, to: recipient, stops: target, subject: subject,
            paragraphs: [String(format: text("notify.hello"), recipient.displayName)] + paragraphs
                + [text(ownText ? "notify.your_text" : "notify.their_text"), entry.body],
            link: (text("notify.open"), HostRoute.feedbackEntry(entry.id).path), closing: text(why), text: text), kind: kind)
    }
}
