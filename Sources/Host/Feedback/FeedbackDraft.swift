import CivicSDK

/// What a citizen typed into the comment form, kept as is so a refused form comes back filled in.
struct FeedbackDraft: Sendable {
    static let maxBody = 4_000
    static let maxTitle = 200
    static let maxName = 100
    static let maxContact = 200

    var kind = FeedbackKind.comment
    /// A proposal's title (only items that take proposals ask for one).
    var title = ""
    var body = ""
    var name = ""
    var contact = ""
    /// (Without an account) mail the answer to `contact`, once the address is confirmed.
    var notify = false
    /// Messages (string keys) shown above the form.
    var errors: [String] = []

    init() {}

    init(form: FormData) {
        kind = FeedbackKind(rawValue: form.text("kind")) ?? .comment
        title = form.text("title")
        body = form.text("body")
        name = form.text("name")
        contact = form.text("contact")
        notify = form.text("notify") == "1"
    }

    /// Checks the draft; `honeypot` is the hidden field only robots fill in; on an item that takes
    /// proposals, a suggestion needs a title. Returns the string keys of what is wrong, empty when
    /// the draft may be stored.
    static func problems(_ form: FormData, signedIn: Bool, acceptsWithoutAccount: Bool, proposal: Bool = false) -> [String] {
        var problems: [String] = []
        let draft = FeedbackDraft(form: form)
        if proposal && draft.kind == .suggestion && draft.title.isEmpty { problems.append("feedback.error.title_missing") }
        if draft.title.count > maxTitle { problems.append("feedback.error.title_too_long") }
        if !form.text("website").isEmpty { problems.append("feedback.error.honeypot") }
        if FeedbackKind(rawValue: form.text("kind")) == nil { problems.append("feedback.error.kind") }
        if draft.body.isEmpty { problems.append("feedback.error.body_missing") }
        if draft.body.count > maxBody { problems.append("feedback.error.body_too_long") }
        if !signedIn {
            if !acceptsWithoutAccount { problems.append("feedback.error.sign_in_required") }
            if draft.name.isEmpty { problems.append("feedback.error.name_missing") }
            if draft.name.count > maxName { problems.append("feedback.error.name_too_long") }
            if draft.contact.count > maxContact { problems.append("feedback.error.contact_too_long") }
            if draft.notify && !AccountStore.isPlausibleEmail(AccountStore.normalizedEmail(draft.contact)) { problems.append("feedback.error.notify_email") }
        }
        return problems
    }
}
