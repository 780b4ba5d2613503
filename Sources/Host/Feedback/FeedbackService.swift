import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// The host's comments and suggestions: resolves the item they are about, renders threads, throttles senders.
struct FeedbackService: FeedbackThreads {
    let registry: TenantRegistry
    let modules: ModuleDirectory
    /// Citizen input per address and per account (shared with the modules through their environment).
    let limiter: RateLimiter
    /// Edits of one's own contributions, per account (each stores a revision).
    let edits: RateLimiter
    /// Mails answers to their authors (built with the renderer, after the modules).
    let notifications = Late<FeedbackNotifications>()

    /// Links to the tenant's public items (an answer may point to one).
    var links: HostLinks { HostLinks(directory: modules) }

    // MARK: FeedbackThreads

    func thread(item: String, context: CivicContext) async throws -> String {
        let module = context.module ?? "core"
        let intake = try await subject(module: module, item: item, context: context)?.intake ?? Intake()
        return try await threadHTML(module: module, item: item, draft: FeedbackDraft(), intake: intake, context: context)
    }

    func counts(items: [String], context: CivicContext) async throws -> [String: Int] {
        let module = context.module ?? "core"
        return try await context.database.read { db in try FeedbackStore.counts(db, module: module, items: items) }
    }

    func proposals(item: String, context: CivicContext) async throws -> [FeedbackProposal] {
        let module = context.module ?? "core"
        let entries = try await context.database.read { db in try FeedbackStore.thread(db, module: module, item: item) }
        return entries.compactMap { entry in
            guard !entry.isHidden, entry.kind == .suggestion, let title = entry.title else { return nil }
            return FeedbackProposal(id: entry.id, href: HostRoute.feedbackEntry(entry.id).href(context), title: title, body: entry.body,
                                    author: entry.author(context), channel: entry.channel.rawValue, receivedAt: entry.receivedAt,
                                    outcome: entry.response?.outcome.rawValue,
                                    outcomeLabel: entry.response.map { context.text("feedback.outcome.\($0.outcome.rawValue)") },
                                    reason: entry.response.map { context.localized($0.reason) }, target: entry.response?.target)
        }
    }

    func channels(items: [String], context: CivicContext) async throws -> [String: Int] {
        let module = context.module ?? "core"
        return try await context.database.read { db in try FeedbackStore.channels(db, module: module, items: items) }
    }

    func adopt(_ id: Int64, into target: String, reason: LocalizedText, context: CivicContext) async throws {
        try context.require("core.respond")
        guard let entry = try await context.database.read({ db in try FeedbackStore.entry(db, id: id) }),
              entry.module == context.module, entry.kind == .suggestion else {
            throw HTTPError(.notFound, message: context.text("feedback.error.not_found"))
        }
        try await answer(entry, outcome: .adopted, reason: reason, target: target, context: context)
    }

    /// Records staff's answer to `entry` (replacing any earlier one), mails it to its author and
    /// audits it, in one write.
    func answer(_ entry: FeedbackEntry, outcome: FeedbackOutcome, reason: LocalizedText, target: String?, context: CivicContext) async throws {
        guard let notifications = notifications.current else { throw HTTPError(.serviceUnavailable, message: context.text("error.starting")) }
        let name = context.account?.displayName ?? ""
        try await context.database.write { db in
            try FeedbackStore.respond(db, id: entry.id, outcome: outcome, reason: reason, target: target, accountID: context.account?.id, responderName: name)
            try notifications.answered(db, entry: entry, outcome: outcome, reason: reason, context: context)
            try context.audit(db, action: "respond", itemType: "feedback", itemID: String(entry.id), summary: outcome.rawValue, changes: [
                FieldChange(field: "outcome", old: entry.response?.outcome.rawValue, new: outcome.rawValue),
                FieldChange(field: "reason", old: entry.response?.reason.json, new: reason.json),
                FieldChange(field: "target", old: entry.response?.target, new: target),
            ])
        }
        // the answer's mail leaves now
        context.request.host.announced(context.tenant.slug)
    }

    // MARK: host side

    /// The name of `core:general`, the commune as a whole, in every language.
    static func generalTitle(_ context: CivicContext) -> LocalizedText {
        context.renderer.inEveryLanguage("feedback.general_subject", module: nil, locales: Locales.supported)
    }

    /// The item a comment is about, if it exists, is public and takes comments; `core:general` is the
    /// commune as a whole (general suggestions, input from a public hearing).
    func target(module: String, item: String, context: CivicContext) async throws -> LinkTarget? {
        try await subject(module: module, item: item, context: context)?.target
    }

    /// What the thread of an item takes: proposals (see ``PublicItem/Use/proposals``), and whether it
    /// still takes anything new (see ``PublicItem/Use/closedToInput``).
    struct Intake: Sendable {
        var proposals = false, closed = false
    }

    /// ``target(module:item:context:)``, and what its thread takes.
    func subject(module: String, item: String, context: CivicContext) async throws -> (target: LinkTarget, intake: Intake)? {
        if module == "core" {
            guard item == "general" else { return nil }
            return (LinkTarget(id: "core:general", title: Self.generalTitle(context), path: HostRoute.feedback(module: "core", item: "general").path), Intake())
        }
        guard let entry = registry.entry(context.tenant.slug), entry.isEnabled(module), let instance = modules.instance(module) else { return nil }
        let tenant = context.tenant
        let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return try await context.database.read { db in
            try instance.publicItem(db, tenant, kind: parts[0], key: parts[1]).flatMap {
                $0.uses.contains(.feedback)
                    ? ($0.target(module: module), Intake(proposals: $0.uses.contains(.proposals), closed: $0.uses.contains(.closedToInput))) : nil
            }
        }
    }

    /// The entry named by the route's `:id` as the public sees it: a 404 unless the item it is about
    /// is public (an unpublished or deleted item takes its comments with it), but for its author and
    /// the staff who moderate or answer.
    func publicEntry(_ context: CivicContext) async throws -> (FeedbackEntry, LinkTarget?) {
        let entry = try await entry(context)
        let target = try await target(module: entry.module, item: entry.item, context: context)
        let isAuthor = entry.accountID != nil && entry.accountID == context.account?.id
        guard target != nil || isAuthor || context.can("core.moderate") || context.can("core.respond") else {
            throw HTTPError(.notFound, message: context.text("feedback.error.not_found"))
        }
        return (entry, target)
    }

    /// The entry named by the route's `:id`, or a 404 (staff routes; the public goes through ``publicEntry(_:)``).
    func entry(_ context: CivicContext) async throws -> FeedbackEntry {
        guard let id = Int64(try context.parameters.require("id")),
              let entry = try await context.database.read({ db in try FeedbackStore.entry(db, id: id) }) else {
            throw HTTPError(.notFound, message: context.text("feedback.error.not_found"))
        }
        return entry
    }

    /// The thread of `module`/`item` with its form, holding `draft` (refused input comes back in it).
    func threadHTML(module: String, item: String, draft: FeedbackDraft, intake: Intake, context: CivicContext) async throws -> String {
        let (entries, acceptsAnonymous) = try await context.database.read { db in
            (try FeedbackStore.thread(db, module: module, item: item), try FeedbackStore.acceptsWithoutAccount(db))
        }
        let targets = entries.contains { $0.response?.target != nil } ? try await links.targets(context) : []
        let view = FeedbackThreadView(entries: entries.map { FeedbackEntryView($0, context: context, targets: targets) },
                                      countText: context.plural("feedback.count", entries.count),
                                      form: FeedbackFormView(module: module, item: item, draft: draft, acceptsAnonymous: acceptsAnonymous, intake: intake,
                                                             context: context))
        return try context.renderer.fragment("feedback-thread", model: view, context: context)
    }
}
