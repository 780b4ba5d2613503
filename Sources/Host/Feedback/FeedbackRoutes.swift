import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// What citizens do with comments and suggestions: send one, read a thread, read one entry with its
/// history, flag it, and (its author) edit it.
struct FeedbackRoutes {
    let service: FeedbackService
    /// Staff told of new suggestions and flags, and who sends it.
    let notifications: FeedbackNotifications
    let policy: PermissionPolicy
    let mail: MailDelivery

    func register(on router: Router<CivicContext>) {
        router.post("feedback", use: submit)
        router.get("feedback/on/:module/:item", use: subject)
        router.get("feedback/:id", use: show)
        router.post("feedback/:id/flag", use: flag)
        router.post("feedback/:id/edit", use: edit)
        router.get("feedback/:id/notify/:token", use: confirmContact)
    }

    /// The link mailed to a visitor without an account: their address will hear of the answer.
    @Sendable func confirmContact(_ request: Request, context: CivicContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("id")),
              let email = notifications.confirmedContact(try context.parameters.require("token"), entryID: id, tenant: context.tenant.slug),
              try await context.database.write(.nothingPublic, { db in try FeedbackContacts.confirmNotify(db, id: id, email: email) }) else {
            throw HTTPError(.notFound, message: context.text("notify.visitor_confirm.unknown"))
        }
        return context.redirect(HostRoute.feedbackEntry(id), notice: .confirmed)
    }

    @Sendable func submit(_ request: Request, context: CivicContext) async throws -> Response {
        let module = context.form.text("module"), item = context.form.text("item")
        guard let (target, intake) = try await service.subject(module: module, item: item, context: context) else {
            throw HTTPError(.notFound, message: context.text("feedback.error.no_item"))
        }
        var draft = FeedbackDraft(form: context.form)
        let accountID = context.account?.id
        let (accepts, unconfirmedRefused) = try await context.database.read { db in
            (try FeedbackStore.acceptsWithoutAccount(db),
             try accountID.map { try FeedbackStore.requiresConfirmedAddress(db) && !AccountStore.isConfirmed(db, id: $0) } ?? false)
        }
        draft.errors = FeedbackDraft.problems(context.form, signedIn: context.account != nil, acceptsWithoutAccount: accepts, proposal: intake.proposals)
        guard !intake.closed else {
            draft.errors = ["feedback.error.closed"]
            return try await refuse(draft, target: target, intake: intake, context: context, status: .forbidden)
        }
        guard draft.errors.isEmpty else { return try await refuse(draft, target: target, intake: intake, context: context, status: .unprocessableContent) }
        guard !unconfirmedRefused else {
            draft.errors = ["feedback.error.confirm_first"]
            return try await refuse(draft, target: target, intake: intake, context: context, status: .forbidden)
        }
        guard service.limiter.admit(context.citizenInputKeys) else {
            draft.errors = ["feedback.error.rate_limited"]
            return try await refuse(draft, target: target, intake: intake, context: context, status: .tooManyRequests)
        }
        let new = NewFeedback(module: module, item: item, kind: draft.kind, title: intake.proposals && draft.kind == .suggestion ? draft.title : nil, body: draft.body, accountID: context.account?.id,
                              authorName: context.account?.displayName ?? draft.name, authorContact: context.account == nil ? draft.contact : "",
                              locale: WrittenLanguage.of(draft.body, page: context.locale, offered: context.tenant.locales),
                              channel: .online, enteredBy: nil, receivedAt: Date(),
                              clientKey: FeedbackStore.clientKey(context.clientAddress, tenant: context.tenant.slug))
        let notifications = notifications, policy = policy, subject = target.title
        let notifyEmail = context.account == nil && draft.notify ? AccountStore.normalizedEmail(draft.contact) : nil
        let (id, mailed) = try await context.database.write { db -> (Int64?, Int) in
            guard try !FeedbackStore.isDuplicate(db, new) else { return (nil, 0) }
            let id = try FeedbackStore.insert(db, new)
            var mailed = 0
            if let email = notifyEmail {
                try notifications.askToConfirm(db, entryID: id, email: email, name: new.authorName, context: context)
                mailed += 1
            }
            guard new.kind == .suggestion, let entry = try FeedbackStore.entry(db, id: id) else { return (id, mailed) }
            return (id, mailed + (try notifications.suggestionReceived(db, entry: entry, subject: subject, context: context, policy: policy)))
        }
        // a comment that mails nobody costs the delivery worker nothing
        if mailed > 0 { mail.wake(context.tenant.slug) }
        guard let id else {
            draft.errors = ["feedback.error.duplicate"]
            return try await refuse(draft, target: target, intake: intake, context: context, status: .conflict)
        }
        return context.redirect(HostRoute.feedbackEntry(id, sent: true))
    }

    /// The item's page for a refused comment: the thread again, with the citizen's text and what went wrong.
    private func refuse(_ draft: FeedbackDraft, target: LinkTarget, intake: FeedbackService.Intake, context: CivicContext, status: HTTPResponse.Status) async throws -> Response {
        let parts = target.id.split(separator: ":", maxSplits: 1).map(String.init)
        return try await subjectPage(target, module: parts[0], item: parts.count > 1 ? parts[1] : "", draft: draft, intake: intake, context: context,
                                     status: status, cache: .perVisitor)
    }

    @Sendable func subject(_ request: Request, context: CivicContext) async throws -> Response {
        let module = try context.parameters.require("module"), item = try context.parameters.require("item")
        guard let (target, intake) = try await service.subject(module: module, item: item, context: context) else {
            throw HTTPError(.notFound, message: context.text("feedback.error.no_item"))
        }
        return try await subjectPage(target, module: module, item: item, draft: FeedbackDraft(), intake: intake, context: context, status: .ok,
                                     cache: .shared)
    }

    /// An item's title, a link back to it, and its thread holding `draft`.
    private func subjectPage(_ target: LinkTarget, module: String, item: String, draft: FeedbackDraft, intake: FeedbackService.Intake, context: CivicContext,
                             status: HTTPResponse.Status, cache: CachePolicy) async throws -> Response {
        let thread = try await service.threadHTML(module: module, item: item, draft: draft, intake: intake, context: context)
        let page = FeedbackSubjectPage(subject: context.localized(target.title), href: context.root + target.path,
                                       isPage: !target.path.hasPrefix("/feedback/"), thread: thread, personal: cache == .perVisitor)
        return try context.render(page, title: context.localized(target.title), status: status)
    }

    @Sendable func show(_ request: Request, context: CivicContext) async throws -> Response {
        let (entry, target) = try await service.publicEntry(context)
        return try await renderEntry(entry, target: target, request: request, context: context, flagError: nil, editDraft: nil, status: .ok)
    }

    /// One entry: its text (or the moderation notice), answer, earlier wordings, and the forms its
    /// readers may use: flag for anyone, edit for its author, hide and answer for staff.
    func renderEntry(_ entry: FeedbackEntry, target: LinkTarget?, request: Request, context: CivicContext, flagError: String?, editDraft: FeedbackDraft?,
                     status: HTTPResponse.Status, staffErrors: [String] = [], answerDraft: FeedbackAnswerDraft? = nil) async throws -> Response {
        let (revisions, flagReasons) = try await context.database.read { db in
            (try FeedbackStore.revisions(db, id: entry.id), try FeedbackStore.flagReasons(db, id: entry.id))
        }
        let canModerate = context.can("core.moderate"), canRespond = context.can("core.respond")
        let isAuthor = entry.accountID != nil && entry.accountID == context.account?.id
        let targets = (canRespond || entry.response?.target != nil) ? try await service.links.targets(context) : []
        let query = request.uri.queryParameters
        let page = FeedbackEntryPage(
            entry: FeedbackEntryView(entry, context: context, targets: targets),
            subject: target.map { context.localized($0.title) } ?? context.text("feedback.subject_gone"),
            subjectLink: target.map { .init(href: "\(context.root)\($0.path)#feedback-\(entry.id)") },
            sent: query["sent"] == "1", flagged: query["flagged"] == "1", number: entry.id,
            revisions: revisions.map { .init(body: $0.body, date: context.dates.day($0.replacedAt)) },
            action: HostRoute.feedbackEntry(entry.id).href(context), signedIn: context.account != nil, flagError: flagError,
            canEdit: isAuthor && !entry.isHidden, editBody: editDraft?.body ?? entry.body,
            editErrors: (editDraft?.errors ?? []).map { context.text($0) }, maxBody: FeedbackDraft.maxBody,
            staffErrors: staffErrors.map { context.text($0) },
            moderation: canModerate ? .init(hidden: entry.isHidden, hiddenBody: entry.isHidden ? entry.body : nil, flags: entry.flags,
                                            flagReasons: flagReasons, contact: entry.authorContact.isEmpty ? nil : entry.authorContact) : nil,
            respond: canRespond ? .init(answerDraft ?? FeedbackAnswerDraft(entry.response), targets: targets, context: context) : nil,
            personal: canModerate || canRespond || isAuthor)
        return try context.render(page, title: String(format: context.text("feedback.entry_title"), entry.id), status: status)
    }

    @Sendable func flag(_ request: Request, context: CivicContext) async throws -> Response {
        let (entry, target) = try await service.publicEntry(context)
        let reason = context.form.text("reason")
        guard !reason.isEmpty, reason.count <= 500 else {
            return try await renderEntry(entry, target: target, request: request, context: context, flagError: context.text("feedback.error.flag_reason"),
                                         editDraft: nil, status: .unprocessableContent)
        }
        guard service.limiter.admit(context.citizenInputKeys) else {
            return try await renderEntry(entry, target: target, request: request, context: context, flagError: context.text("feedback.error.rate_limited"),
                                         editDraft: nil, status: .tooManyRequests)
        }
        let reporter = context.account.map { "account:\($0.id)" } ?? "address:" + FeedbackStore.clientKey(context.clientAddress, tenant: context.tenant.slug)
        let notifications = notifications, policy = policy
        let mailed = try await context.database.write { db -> Int in
            // moderators hear of the first flag, not of every one after it
            guard try FeedbackStore.flag(db, id: entry.id, reporter: reporter, reason: reason), entry.flags == 0 else { return 0 }
            return try notifications.flagged(db, entry: entry, reason: reason, context: context, policy: policy)
        }
        if mailed > 0 { mail.wake(context.tenant.slug) }
        return context.redirect(HostRoute.feedbackEntry(entry.id, flagged: true))
    }

    @Sendable func edit(_ request: Request, context: CivicContext) async throws -> Response {
        let (entry, target) = try await service.publicEntry(context)
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        guard entry.accountID == account.id, !entry.isHidden else { throw HTTPError(.forbidden, message: context.text("feedback.error.not_author")) }
        var draft = FeedbackDraft(form: context.form)
        if draft.body.isEmpty { draft.errors.append("feedback.error.body_missing") }
        if draft.body.count > FeedbackDraft.maxBody { draft.errors.append("feedback.error.body_too_long") }
        guard draft.errors.isEmpty else {
            return try await renderEntry(entry, target: target, request: request, context: context, flagError: nil, editDraft: draft,
                                         status: .unprocessableContent)
        }
        let body = draft.body
        guard body != entry.body else { return context.redirect(HostRoute.feedbackEntry(entry.id)) }
        guard service.edits.admit(["\(context.tenant.slug)|account:\(account.id)"]) else {
            draft.errors = ["feedback.error.edit_rate_limited"]
            return try await renderEntry(entry, target: target, request: request, context: context, flagError: nil, editDraft: draft,
                                         status: .tooManyRequests)
        }
        try await context.database.write { db in
            try FeedbackStore.edit(db, id: entry.id, body: body)
            try context.audit(db, action: "edit", itemType: "feedback", itemID: String(entry.id), summary: "author edited",
                              changes: [FieldChange(field: "body", old: entry.body, new: body)])
        }
        return context.redirect(HostRoute.feedbackEntry(entry.id), notice: .saved)
    }
}
