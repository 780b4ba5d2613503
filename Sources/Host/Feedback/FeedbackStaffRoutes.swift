import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// What staff do with citizen input: hide and show again (moderators), answer with an outcome and a
/// public reason, list what waits in the console, type in input received offline, and decide whether
/// visitors without an account may write.
struct FeedbackStaffRoutes {
    let service: FeedbackService
    let pages: FeedbackRoutes
    /// Mail to authors when their text is answered or hidden, and who sends it.
    let notifications: FeedbackNotifications
    let mail: MailDelivery
    static let pageSize = 50

    func register(on router: Router<CivicContext>) {
        router.post("feedback/:id/hide", use: hide)
        router.post("feedback/:id/unhide", use: unhide)
        router.post("feedback/:id/respond", use: respond)
        router.get("admin/feedback", use: queue)
        router.post("admin/feedback/settings", use: saveSettings)
        router.get("admin/feedback/new", use: newForm)
        router.post("admin/feedback/new", use: create)
    }

    @Sendable func hide(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.moderate")
        let (entry, target) = try await service.publicEntry(context)
        let reason = context.form.text("reason")
        guard !reason.isEmpty, reason.count <= 500 else {
            return try await pages.renderEntry(entry, target: target, request: request, context: context, flagError: nil, editDraft: nil,
                                               status: .unprocessableContent, staffErrors: ["feedback.error.hide_reason"])
        }
        try await context.database.write { db in
            try FeedbackStore.hide(db, id: entry.id, reason: reason, by: context.account?.id)
            if !entry.isHidden { try notifications.hidden(db, entry: entry, reason: reason, context: context) }
            try context.audit(db, action: "hide", itemType: "feedback", itemID: String(entry.id), summary: reason,
                              changes: [FieldChange(field: "hidden", old: entry.isHidden ? "yes" : "no", new: "yes")])
        }
        mail.wake(context.tenant.slug)
        return context.redirect(HostRoute.feedbackEntry(entry.id), notice: .hidden)
    }

    @Sendable func unhide(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.moderate")
        let entry = try await service.entry(context)
        try await context.database.write { db in
            try FeedbackStore.unhide(db, id: entry.id)
            try context.audit(db, action: "unhide", itemType: "feedback", itemID: String(entry.id), summary: "shown again",
                              changes: [FieldChange(field: "hidden", old: entry.isHidden ? "yes" : "no", new: "no")])
        }
        return context.redirect(HostRoute.feedbackEntry(entry.id), notice: .shown)
    }

    @Sendable func respond(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.respond")
        let (entry, target) = try await service.publicEntry(context)
        var draft = FeedbackAnswerDraft(form: context.form, locales: context.tenant.locales)
        let targetID = draft.target, reason = draft.reason
        if !targetID.isEmpty, try await !service.links.targets(context).contains(where: { $0.id == targetID }) { draft.problems.append("feedback.error.target") }
        guard draft.problems.isEmpty, !draft.needsConfirmation, let outcome = draft.outcome else {
            return try await pages.renderEntry(entry, target: target, request: request, context: context, flagError: nil, editDraft: nil,
                                               status: .unprocessableContent, staffErrors: draft.problems, answerDraft: draft)
        }
        try await service.answer(entry, outcome: outcome, reason: reason, target: targetID.isEmpty ? nil : targetID, context: context)
        return context.redirect(HostRoute.feedbackEntry(entry.id), notice: .answered)
    }

    // MARK: console

    @Sendable func queue(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.respond")
        let query = request.uri.queryParameters
        let filter = query["filter"].flatMap { FeedbackQueueFilter(rawValue: String($0)) } ?? .unanswered
        let page = max(1, query["page"].flatMap { Int(String($0)) } ?? 1)
        let (entries, total, accepts) = try await context.database.read { db in
            (try FeedbackStore.queue(db, filter: filter, limit: Self.pageSize, offset: (page - 1) * Self.pageSize),
             try FeedbackStore.queueCount(db, filter: filter), (try FeedbackStore.acceptsWithoutAccount(db), try FeedbackStore.requiresConfirmedAddress(db)))
        }
        let view = FeedbackQueuePage(
            filters: FeedbackQueueFilter.allCases.map { f in
                .init(label: context.text("feedback.queue.\(f.rawValue)"), href: ConsoleRoute.feedbackQueue(filter: f.rawValue).href(context), current: f == filter)
            },
            entries: entries.map { entry in
                .init(href: HostRoute.feedbackEntry(entry.id).href(context), id: entry.id, kind: context.text("feedback.kind.\(entry.kind.rawValue)"),
                      author: entry.author(context), date: context.dates.day(entry.receivedAt), excerpt: String(entry.body.prefix(140)),
                      flags: entry.flags > 0 ? entry.flags : nil, hidden: entry.isHidden, answered: entry.response != nil,
                      channel: context.text("feedback.channel.\(entry.channel.rawValue)"))
            },
            total: total,
            previous: page > 1 ? ConsoleRoute.feedbackQueue(filter: filter.rawValue, page: page - 1).href(context) : nil,
            next: page * Self.pageSize < total ? ConsoleRoute.feedbackQueue(filter: filter.rawValue, page: page + 1).href(context) : nil,
            isAdmin: context.can("core.admin"), acceptsAnonymous: accepts.0, confirmedOnly: accepts.1, settingsAction: ConsoleRoute.feedbackSettings.href(context), newHref: ConsoleRoute.offlineFeedback.href(context))
        return try context.render(view, title: context.text("feedback.console_title"))
    }

    @Sendable func saveSettings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let on = context.form.isChecked("without_account"), confirmedOnly = context.form.isChecked("confirmed_only")
        try await context.database.write { db in
            let before = try FeedbackStore.acceptsWithoutAccount(db), confirmedBefore = try FeedbackStore.requiresConfirmedAddress(db)
            try FeedbackStore.setAcceptsWithoutAccount(db, on)
            try FeedbackStore.setRequiresConfirmedAddress(db, confirmedOnly)
            try context.audit(db, action: "settings", itemType: "feedback", itemID: "settings", summary: "who may write",
                              changes: FieldChange.diff(old: ["without_account": before ? "yes" : "no", "confirmed_only": confirmedBefore ? "yes" : "no"],
                                                        new: ["without_account": on ? "yes" : "no", "confirmed_only": confirmedOnly ? "yes" : "no"]))
        }
        return context.redirect(ConsoleRoute.feedbackQueue(), notice: .saved)
    }

    @Sendable func newForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.respond")
        return try await renderNew(OfflineFeedback(dates: context.dates), context: context, status: .ok)
    }

    private func renderNew(_ input: OfflineFeedback, context: CivicContext, status: HTTPResponse.Status) async throws -> Response {
        let subjects = [(id: "core:general", title: context.text("feedback.general_subject"))]
            + (try await service.links.targets(context)).map { (id: $0.id, title: context.localized($0.title)) }
        func choices(_ values: [String], selected: String, label: (String) -> String) -> [Choice] {
            values.map { Choice(value: $0, label: label($0), selected: $0 == selected) }
        }
        let page = OfflineFeedbackPage(
            action: ConsoleRoute.offlineFeedback.href(context),
            subjects: subjects.map { Choice(value: $0.id, label: $0.title, selected: $0.id == input.subject) },
            kinds: choices(FeedbackKind.allCases.map(\.rawValue), selected: input.kind.rawValue) { context.text("feedback.kind.\($0)") },
            channels: choices(FeedbackChannel.allCases.filter { $0 != .online }.map(\.rawValue), selected: input.channel.rawValue) {
                context.text("feedback.channel.\($0)")
            },
            receivedOn: input.receivedOn, name: input.name, contact: input.contact, body: input.body, errors: input.errors.map { context.text($0) })
        return try context.render(page, title: context.text("feedback.offline_title"), status: status)
    }

    @Sendable func create(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.respond")
        var input = OfflineFeedback(form: context.form, dates: context.dates)
        let parts = input.subject.split(separator: ":", maxSplits: 1).map(String.init)
        let target = parts.count == 2 ? try await service.target(module: parts[0], item: parts[1], context: context) : nil
        if target == nil { input.errors.append("feedback.error.no_item") }
        guard input.errors.isEmpty, let receivedAt = input.receivedAt else { return try await renderNew(input, context: context, status: .unprocessableContent) }
        let new = NewFeedback(module: parts[0], item: parts[1], kind: input.kind, body: input.body, accountID: nil,
                              authorName: input.name.isEmpty ? context.text("feedback.unnamed") : input.name, authorContact: input.contact,
                              locale: WrittenLanguage.of(input.body, page: context.locale, offered: context.tenant.locales), channel: input.channel, enteredBy: context.account?.id, receivedAt: receivedAt, clientKey: "")
        let id = try await context.database.write { db in
            let id = try FeedbackStore.insert(db, new)
            try context.audit(db, action: "enter", itemType: "feedback", itemID: String(id), summary: new.channel.rawValue,
                              changes: [FieldChange(field: "body", old: nil, new: new.body)])
            return id
        }
        return context.redirect(HostRoute.feedbackEntry(id, sent: true))
    }
}
