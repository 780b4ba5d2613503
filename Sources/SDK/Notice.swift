/// What a visitor just did, said in a banner on the page a form sends them to: every successful
/// change redirects with one (`context.redirect(route, notice: .saved)`), carried in the address as
/// `?done=saved` so that the page after the redirect says it in the visitor's language.
public enum Notice: String, Sendable, CaseIterable {
    case saved, created, published, unpublished, deleted, answered, hidden, shown, imported
    /// A new password was set through an e-mailed link.
    case passwordChanged = "password_changed"
    /// An address was confirmed through its link, or a new link was sent.
    case confirmed, linkSent = "link_sent"
    /// Someone was invited by mail.
    case invited
    /// The account's address changed, confirmed through the link sent to it.
    case emailChanged = "email_changed"
    /// The visitor started, or stopped, following an item.
    case followed, unfollowed
    /// The visitor's account was deleted at their request.
    case accountDeleted = "account_deleted"

    /// The host string that says it (`notice.saved`).
    public var textKey: String { "notice.\(rawValue)" }

    /// The notice named by a query (`done=saved`), if any and known.
    public static func from(query: String?) -> Notice? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("done=") {
            return Notice(rawValue: String(pair.dropFirst(5)))
        }
        return nil
    }

    /// `path` with this notice added to its query.
    public func appended(to path: String) -> String {
        path + (path.contains("?") ? "&" : "?") + "done=" + rawValue
    }
}
