import CivicSDK
import Foundation
import GRDB

/// One comment or suggestion as read back, with staff's answer when there is one.
struct FeedbackEntry: Sendable {
    let id: Int64
    let module: String
    let item: String
    let kind: FeedbackKind
    /// A proposal's title.
    let title: String?
    let body: String
    let accountID: Int64?
    /// Empty once the author deleted their account (see ``author(_:)``).
    let authorName: String
    let authorContact: String
    let locale: String
    let channel: FeedbackChannel
    let receivedAt: Date
    let editedAt: Date?
    let hiddenAt: Date?
    let hiddenReason: String?

    /// The author's name as readers see it: "deleted account" once the account was deleted.
    func author(_ context: CivicContext) -> String {
        authorName.isEmpty ? context.text("feedback.deleted_account") : authorName
    }
    let flags: Int
    let response: FeedbackResponse?

    /// Columns to select for ``init(row:)``: the feedback row joined with its response.
    static let selection = """
        f.id, f.module, f.item, f.kind, f.title, f.body, f.account_id, f.author_name, f.author_contact, f.locale, f.channel,
        f.received_at, f.edited_at, f.hidden_at, f.hidden_reason, f.flags,
        r.outcome, r.reason AS response_reason, r.target, r.responder_name, r.responded_at \(source)
        """

    /// The tables behind ``selection``: `f` the feedback, `r` its response.
    static let source = "FROM feedback f LEFT JOIN feedback_response r ON r.feedback_id = f.id"

    init(row: Row) {
        id = row["id"]
        module = row["module"]
        item = row["item"]
        kind = FeedbackKind(rawValue: row["kind"]) ?? .comment
        title = row["title"]
        body = row["body"]
        accountID = row["account_id"]
        authorName = row["author_name"]
        authorContact = row["author_contact"]
        locale = row["locale"]
        channel = FeedbackChannel(rawValue: row["channel"]) ?? .online
        receivedAt = row["received_at"]
        editedAt = row["edited_at"]
        hiddenAt = row["hidden_at"]
        hiddenReason = row["hidden_reason"]
        flags = row["flags"]
        if let outcome = (row["outcome"] as String?).flatMap(FeedbackOutcome.init(rawValue:)) {
            response = FeedbackResponse(outcome: outcome, reason: row["response_reason"], target: row["target"],
                                        responderName: row["responder_name"], respondedAt: row["responded_at"])
        } else {
            response = nil
        }
    }

    var isHidden: Bool { hiddenAt != nil }
}

/// Staff's reasoned answer to a suggestion.
struct FeedbackResponse: Sendable {
    let outcome: FeedbackOutcome
    /// The reason, in each language staff wrote it in.
    let reason: LocalizedText
    /// Link target id of the commitment or activity the suggestion changed, if any.
    let target: String?
    let responderName: String
    let respondedAt: Date
}
