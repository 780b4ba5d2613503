import CivicSDK

/// `{root}/feedback/on/{module}/{item}`: an item's title, a link back to it, and its thread.
struct FeedbackSubjectPage: PageModel {
    static let template = "feedback-subject"
    static let fields = TemplateFields<Self>(["subject": \.subject, "href": \.href, "isPage": \.isPage, "thread": \.thread])
    let subject: String, href: String, isPage: Bool, thread: String
    /// A refused comment comes back with what the visitor typed: never shared.
    let personal: Bool
    var cachePolicy: CachePolicy { personal ? .perVisitor : .shared }
}

/// `{root}/feedback/{id}`: one entry, its answer, earlier wordings, and the forms its readers may use.
struct FeedbackEntryPage: PageModel {
    static let template = "feedback-entry-page"
    static let fields = TemplateFields<Self>([
        "entry": \.entry, "subject": \.subject, "subjectLink": \.subjectLink, "noSubjectLink": \.noSubjectLink, "sent": \.sent,
        "flagged": \.flagged, "number": \.number, "revisions": \.revisions, "hasRevisions": \.hasRevisions, "action": \.action,
        "signedIn": \.signedIn, "flagError": \.flagError, "canEdit": \.canEdit, "editBody": \.editBody, "editErrors": \.editErrors,
        "maxBody": \.maxBody, "staffErrors": \.staffErrors, "moderation": \.moderation, "respond": \.respond, "canFlag": \.canFlag,
    ])

    struct SubjectLink: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href])
        let href: String
    }

    struct Revision: TemplateModel {
        static let fields = TemplateFields<Self>(["body": \.body, "date": \.date])
        let body: String, date: TimeText
    }

    /// What moderators see: flags with their reasons, the private contact, the hidden text.
    struct Moderation: TemplateModel {
        static let fields = TemplateFields<Self>(["hidden": \.hidden, "hiddenBody": \.hiddenBody, "flags": \.flags, "flagReasons": \.flagReasons,
                                                  "contact": \.contact])
        let hidden: Bool, hiddenBody: String?, flags: Int, flagReasons: [String], contact: String?
    }

    /// The answer form, for those who answer: the reason in each of the tenant's languages, and the
    /// warning that holds back an answer missing some of them.
    struct Respond: TemplateModel {
        static let fields = TemplateFields<Self>(["outcomes": \.outcomes, "reasons": \.reasons, "targets": \.targets, "missing": \.missing])
        let outcomes: [Choice], reasons: [LocaleInput], targets: [Choice]
        /// "Not written in: العربية, English", when staff must confirm.
        let missing: String?

        init(_ draft: FeedbackAnswerDraft, targets: [LinkTarget], context: CivicContext) {
            outcomes = FeedbackOutcome.allCases.map { Choice(value: $0.rawValue, label: context.text("feedback.outcome.\($0.rawValue)"), selected: $0 == draft.outcome) }
            reasons = context.tenant.locales.map { LocaleInput($0, id: "reason-\($0)", value: draft.reason.values[$0] ?? "") }
            self.targets = targets.map { Choice(value: $0.id, label: context.localized($0.title), selected: $0.id == draft.target) }
            missing = draft.needsConfirmation ? draft.missing?.warning(context) : nil
        }
    }

    let entry: FeedbackEntryView, subject: String, subjectLink: SubjectLink?, sent: Bool, flagged: Bool, number: Int64
    let revisions: [Revision], action: String, signedIn: Bool, flagError: String?, canEdit: Bool, editBody: String, editErrors: [String]
    let maxBody: Int, staffErrors: [String], moderation: Moderation?, respond: Respond?, personal: Bool

    var noSubjectLink: Bool { subjectLink == nil }
    var hasRevisions: Bool { !revisions.isEmpty }
    /// Reporting a text to moderation is for its readers, not for its author just after sending it.
    var canFlag: Bool { !sent && !canEdit }
    var cachePolicy: CachePolicy { personal ? .perVisitor : .shared }
}

/// `{root}/admin/feedback`: the queue of comments and suggestions, by filter, with the tenant's setting.
struct FeedbackQueuePage: PageModel {
    static let template = "console-feedback"
    static let fields = TemplateFields<Self>([
        "filters": \.filters, "entries": \.entries, "hasEntries": \.hasEntries, "total": \.total, "previous": \.previous, "next": \.next,
        "isAdmin": \.isAdmin, "acceptsAnonymous": \.acceptsAnonymous, "confirmedOnly": \.confirmedOnly, "settingsAction": \.settingsAction, "newHref": \.newHref,
    ])

    struct Filter: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href, "current": \.current])
        let label: String, href: String, current: Bool
    }

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href, "id": \.id, "kind": \.kind, "author": \.author, "date": \.date, "excerpt": \.excerpt,
                                                  "flags": \.flags, "hidden": \.hidden, "answered": \.answered, "channel": \.channel])
        let href: String, id: Int64, kind: String, author: String, date: TimeText, excerpt: String
        /// How many times it was flagged, when it was.
        let flags: Int?, hidden: Bool, answered: Bool, channel: String
    }

    let filters: [Filter], entries: [Row], total: Int, previous: String?, next: String?, isAdmin: Bool, acceptsAnonymous: Bool, confirmedOnly: Bool
    let settingsAction: String, newHref: String
    var hasEntries: Bool { !entries.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/feedback/new`: input received on paper, by phone or at a public hearing.
struct OfflineFeedbackPage: PageModel {
    static let template = "console-feedback-new"
    static let fields = TemplateFields<Self>([
        "action": \.action, "subjects": \.subjects, "kinds": \.kinds, "channels": \.channels, "receivedOn": \.receivedOn, "name": \.name,
        "contact": \.contact, "body": \.body, "errors": \.errors, "hasErrors": \.hasErrors,
    ])
    let action: String, subjects: [Choice], kinds: [Choice], channels: [Choice], receivedOn: String, name: String, contact: String
    let body: String, errors: [String]
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/feedback`: figures on citizen input (by channel, by outcome, by month) and the latest entries.
struct FeedbackStatsPage: PageModel {
    static let template = "feedback-stats"
    static let fields = TemplateFields<Self>([
        "received": \.received, "comments": \.comments, "suggestions": \.suggestions, "hidden": \.hidden, "answered": \.answered,
        "responseRate": \.responseRate, "median": \.median, "channels": \.channels, "outcomes": \.outcomes, "channelChart": \.channelChart,
        "outcomeChart": \.outcomeChart, "months": \.months, "hasMonths": \.hasMonths, "latest": \.latest, "hasLatest": \.hasLatest,
        "generalHref": \.generalHref, "apiHref": \.apiHref,
    ])

    struct Month: TemplateModel {
        static let fields = TemplateFields<Self>(["month": \.month, "received": \.received, "answered": \.answered])
        let month: TimeText, received: Int, answered: Int
    }

    let received: Int, comments: Int, suggestions: Int, hidden: Int, answered: Int, responseRate: PercentText, median: String
    let channels: [BarChart.Row], outcomes: [BarChart.Row], channelChart: String, outcomeChart: String, months: [Month]
    let latest: [FeedbackEntryView], generalHref: String, apiHref: String
    var hasMonths: Bool { !months.isEmpty }
    var hasLatest: Bool { !latest.isEmpty }
}
