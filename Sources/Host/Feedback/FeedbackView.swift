import CivicSDK
import Foundation

/// One comment or suggestion as threads and its own page show it (the `feedback-entry` partial).
struct FeedbackEntryView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "id": \.id, "anchor": \.anchor, "href": \.href, "author": \.author, "date": \.date, "kind": \.kind, "isSuggestion": \.isSuggestion,
        "offline": \.offline, "channel": \.channel, "hidden": \.hidden, "hiddenReason": \.hiddenReason, "body": \.body, "edited": \.edited,
        "lang": \.lang, "dir": \.dir, "response": \.response, "badge": \.badge, "title": \.title,
    ])

    /// The entry's status at a glance: waiting, or the commune's decision.
    struct Badge: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "style": \.style])
        let label: String, style: String
    }

    /// The commune's answer: its outcome, its reason, and what it changed.
    struct Answer: TemplateModel {
        static let fields = TemplateFields<Self>(["outcome": \.outcome, "outcomeKey": \.outcomeKey, "reason": \.reason, "by": \.by,
                                                  "date": \.date, "target": \.target])
        let outcome: String, outcomeKey: String, reason: LanguageText, by: String, date: TimeText, target: LabelledTarget?
    }

    struct LabelledTarget: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href])
        let title: String, href: String
    }

    let id: Int64, anchor: String, href: String, author: String, date: TimeText, kind: String, isSuggestion: Bool, offline: Bool
    let channel: String, hidden: Bool, hiddenReason: String?, body: String, edited: Bool, lang: String, dir: String, response: Answer?
    let badge: Badge
    /// A proposal's title.
    let title: String?

    init(_ entry: FeedbackEntry, context: CivicContext, targets: [LinkTarget]) {
        id = entry.id
        title = entry.isHidden ? nil : entry.title
        anchor = "feedback-\(entry.id)"
        href = HostRoute.feedbackEntry(entry.id).href(context)
        author = entry.author(context)
        date = context.dates.day(entry.receivedAt)
        kind = context.text("feedback.kind.\(entry.kind.rawValue)")
        isSuggestion = entry.kind == .suggestion
        offline = entry.channel != .online
        channel = context.text("feedback.channel.\(entry.channel.rawValue)")
        hidden = entry.isHidden
        hiddenReason = (entry.hiddenReason ?? "").isEmpty ? nil : entry.hiddenReason
        body = entry.body
        edited = entry.editedAt != nil
        lang = entry.locale
        dir = Locales.direction(entry.locale)
        response = entry.response.map { response in
            let target = response.target.flatMap { id in targets.first { $0.id == id } }
            return Answer(outcome: context.text("feedback.outcome.\(response.outcome.rawValue)"), outcomeKey: response.outcome.rawValue,
                          reason: context.shown(response.reason), by: response.responderName, date: context.dates.day(response.respondedAt),
                          target: target.map { LabelledTarget(title: context.localized($0.title), href: context.root + $0.path) })
        }
        badge = entry.response.map { Badge(label: context.text("feedback.outcome.\($0.outcome.rawValue)"), style: Self.style($0.outcome)) }
            ?? Badge(label: context.text("feedback.status_waiting"), style: "waiting")
    }

    /// The badge colour of a decision: kept, refused, or neither.
    static func style(_ outcome: FeedbackOutcome) -> String {
        switch outcome {
        case .adopted, .partlyAdopted: "adopted"
        case .notAdopted: "rejected"
        case .alreadyPlanned, .outOfScope: "info"
        }
    }
}

/// The comment form under a thread (the `feedback-form` partial). Anonymous forms carry no token:
/// the page is shared by every anonymous reader, and the host checks the request's origin instead.
struct FeedbackFormView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "action": \.action, "module": \.module, "item": \.item, "signedIn": \.signedIn, "accountName": \.accountName, "open": \.open,
        "anonymous": \.anonymous, "signInHref": \.signInHref, "kinds": \.kinds, "body": \.body, "name": \.name, "contact": \.contact,
        "maxBody": \.maxBody, "errors": \.errors, "hasErrors": \.hasErrors, "notify": \.notify, "privacyHref": \.privacyHref,
        "proposals": \.proposals, "title": \.title, "maxTitle": \.maxTitle, "closed": \.closed,
    ])

    struct Kind: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "help": \.help, "checked": \.checked])
        let value: String, label: String, help: String, checked: Bool
    }

    let action: String, module: String, item: String, signedIn: Bool, accountName: String, open: Bool, anonymous: Bool, signInHref: String
    let kinds: [Kind], body: String, name: String, contact: String, maxBody: Int, errors: [String]
    /// Whether "mail me the answer" is ticked; where the privacy notice is.
    let notify: Bool, privacyHref: String
    /// Whether the form makes a proposal (a suggestion with a title), and the title typed.
    let proposals: Bool, title: String, maxTitle: Int
    /// Whether the item takes nothing new any more (its thread stays).
    let closed: Bool
    var hasErrors: Bool { !errors.isEmpty }

    init(module: String, item: String, draft: FeedbackDraft, acceptsAnonymous: Bool, intake: FeedbackService.Intake = .init(), context: CivicContext) {
        proposals = intake.proposals
        closed = intake.closed
        title = draft.title
        maxTitle = FeedbackDraft.maxTitle
        let signedIn = context.account != nil
        action = HostRoute.feedbackStats.href(context)
        self.module = module
        self.item = item
        self.signedIn = signedIn
        accountName = context.account?.displayName ?? ""
        // a refused text always comes back in its form, even where the visitor must sign in first
        open = (signedIn || acceptsAnonymous || !draft.errors.isEmpty) && !intake.closed
        anonymous = !signedIn && acceptsAnonymous
        signInHref = HostRoute.signIn.href(context)
        kinds = FeedbackKind.allCases.map { kind in
            Kind(value: kind.rawValue, label: context.text("feedback.kind.\(kind.rawValue)"), help: context.text("feedback.kind_help.\(kind.rawValue)"),
                 checked: kind == draft.kind)
        }
        body = draft.body
        notify = draft.notify
        privacyHref = HostRoute.privacy.href(context)
        name = draft.name
        contact = draft.contact
        maxBody = FeedbackDraft.maxBody
        errors = draft.errors.map { context.text($0) }
    }
}

/// The comments and suggestions under an item, with the form to add one (rendered as a fragment).
struct FeedbackThreadView: TemplateModel {
    static let fields = TemplateFields<Self>(["entries": \.entries, "hasEntries": \.hasEntries, "countText": \.countText, "form": \.form])
    let entries: [FeedbackEntryView], countText: String, form: FeedbackFormView
    var hasEntries: Bool { !entries.isEmpty }
}
