import Foundation

/// The host's comments and suggestions, as a module sees them (see ``ModuleServices/feedback``).
///
/// A module opts an item in by listing it with ``PublicItem/Use/feedback``; the host stores,
/// moderates, answers and counts what citizens send, and renders the thread.
public protocol FeedbackThreads: Sendable {
    /// The thread under `item` of the current module (comments, suggestions, their answers and the
    /// form to add one), as an HTML fragment to embed unescaped (`{{{feedback}}}`).
    func thread(item: String, context: CivicContext) async throws -> String
    /// Number of comments and suggestions received for each of `items` of the current module
    /// (hidden ones included: moderation hides, it does not uncount).
    func counts(items: [String], context: CivicContext) async throws -> [String: Int]
    /// The proposals made on `item` of the current module (see ``PublicItem/Use/proposals``), oldest
    /// first, each with the commune's answer when it has one; hidden ones are left out.
    func proposals(item: String, context: CivicContext) async throws -> [FeedbackProposal]
    /// Comments and suggestions received on `items` of the current module, by channel
    /// (`online`, `hearing`, `paper`, `email`, `phone`), hidden ones included.
    func channels(items: [String], context: CivicContext) async throws -> [String: Int]
    /// Answers proposal `id` of the current module as adopted, naming the item it became (a link
    /// target id such as `plans:commitment:7`), with `reason` in the tenant's languages: stored,
    /// audited and mailed to its author as any answer staff give (needs `core.respond`).
    func adopt(_ id: Int64, into target: String, reason: LocalizedText, context: CivicContext) async throws
}

/// A proposal as a module sees it: a suggestion with a title, and what came of it.
public struct FeedbackProposal: Sendable {
    /// The suggestion's id, and its page (with the whole answer).
    public let id: Int64, href: String
    public let title: String, body: String
    /// The author as readers see them, and the channel it came by (`online`, `hearing`…).
    public let author: String, channel: String
    public let receivedAt: Date
    /// The answer's outcome (`adopted`, `partly_adopted`, `not_adopted`, `already_planned`,
    /// `out_of_scope`) and its label in the reader's language; `nil` while unanswered.
    public let outcome: String?, outcomeLabel: String?
    /// The reason given, in the reader's language, and the item the proposal became, if any.
    public let reason: String?, target: String?

    /// A proposal (built by the host).
    public init(id: Int64, href: String, title: String, body: String, author: String, channel: String, receivedAt: Date,
                outcome: String?, outcomeLabel: String?, reason: String?, target: String?) {
        self.id = id
        self.href = href
        self.title = title
        self.body = body
        self.author = author
        self.channel = channel
        self.receivedAt = receivedAt
        self.outcome = outcome
        self.outcomeLabel = outcomeLabel
        self.reason = reason
        self.target = target
    }
}
