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
}
