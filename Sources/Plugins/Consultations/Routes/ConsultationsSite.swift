import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/consultations`: the list, each consultation with its answer form, the receipt, and the results.
struct ConsultationsSite {
    let environment: ModuleEnvironment
    static let respondentCookie = "oc_respondent"

    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: index)
        group.get(":id", use: show)
        group.post(":id/answer", use: answer)
        group.get(":id/receipt/:code", use: receipt)
        group.get(":id/results", use: results)
    }

    private func text(_ context: CivicContext, _ key: String) -> String { context.text("consultations.\(key)") }

    @Sendable func index(_ request: Request, context: CivicContext) async throws -> Response {
        let editor = context.can("consultations.edit")
        let rows = try await context.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, (SELECT COUNT(*) FROM consultation_response r WHERE r.consultation_id = c.id) AS answers
                FROM consultation c WHERE c.status <> 'draft' ORDER BY c.opens_at DESC
                """).map { (try Consultation(row: $0), $0["answers"] as Int) }
        }
        let now = Date()
        let items = rows.map { consultation, answers in
            ConsultationsIndexPage.Item(title: context.localized(consultation.title), href: ConsultationRoute.consultation(consultation.id ?? 0).href(context),
                                        phase: text(context, "phase.\(consultation.phase(at: now).rawValue)"),
                                        opens: context.dates.day(consultation.opensAt), closes: context.dates.day(consultation.closesAt),
                                        answers: answers, sample: consultation.sample)
        }
        return try context.render(ConsultationsIndexPage(consultations: items, feedHref: ConsultationRoute.feed.href(context),
                                                         apiHref: ConsultationRoute.api.href(context), editor: editor,
                                                         follow: try await environment.services.follows.button(
                                                             kind: ConsultationsModule.list.kind, key: ConsultationsModule.list.key, context: context)),
                                  title: text(context, "title"))
    }

    private func load(_ context: CivicContext) async throws -> ConsultationDetail {
        guard let id = Int64(try context.parameters.require("id")),
              let detail = try await context.database.read({ db in try ConsultationDetail.load(db, id: id) }),
              detail.consultation.isPublic || context.can("consultations.edit") else {
            throw HTTPError(.notFound, message: text(context, "error.not_found"))
        }
        return detail
    }

    @Sendable func show(_ request: Request, context: CivicContext) async throws -> Response {
        let detail = try await load(context)
        var previous: (receipt: String, at: Date)?
        // someone who already answered (signed in, or with the visitor cookie) is told so instead of getting a form to refill
        if let respondent = respondent(request, context: context), let id = detail.consultation.id {
            previous = try await context.database.read { db in try Self.existing(db, consultation: id, respondent: respondent) }
        }
        return try await render(detail, context: context, form: .empty, errors: [:], notice: nil, previous: previous, status: .ok)
    }

    /// Who is answering, if known: the account, or the anonymous visitor of the signed cookie.
    private func respondent(_ request: Request, context: CivicContext) -> String? {
        if let account = context.account { return "account:\(account.id)" }
        return visitorCookie(request, context: context).map { "visitor:\($0)" }
    }

    private func visitorCookie(_ request: Request, context: CivicContext) -> String? {
        request.cookies[Self.respondentCookie].flatMap { environment.signer.verify($0.value, scope: "\(context.tenant.slug)|respondent") }
    }

    /// The consultation page: description, then the form while it is open (or why it is not).
    func render(_ detail: ConsultationDetail, context: CivicContext, form: FormData, errors: [Int64: AnswerSheet.Problem], notice: String?,
                previous: (receipt: String, at: Date)?, status: HTTPResponse.Status) async throws -> Response {
        let consultation = detail.consultation
        let id = consultation.id ?? 0
        let phase = consultation.phase()
        let subject = try await ConsultationView.subject(consultation.subject, links: environment.services.links, context: context)
        let needsAccount = consultation.audience == .accounts && context.account == nil
        // a refused submission always comes back in its form, answers kept, even when the visitor must sign in first
        let showForm = phase == .open && previous == nil && (!needsAccount || status != .ok)
        let page = ConsultationPage(
            title: context.localized(consultation.title),
            description: context.renderer.markdown(context.localized(consultation.description)),
            phase: text(context, "phase.\(phase.rawValue)"),
            opens: context.dates.dateTime(consultation.opensAt), closes: context.dates.dateTime(consultation.closesAt),
            audience: text(context, "audience.\(consultation.audience.rawValue)"),
            subject: subject, responses: detail.responses, sample: consultation.sample, showForm: showForm,
            needsAccount: phase == .open && needsAccount, signInHref: HostRoute.signIn.href(context),
            upcoming: phase == .upcoming, closed: phase == .closed || phase == .results,
            resultsHref: phase == .results || context.can("consultations.edit") ? ConsultationRoute.results(id).href(context) : nil,
            previous: previous.map { .init(receipt: ReceiptCode.display($0.receipt), date: context.dates.dateTime($0.at),
                                           href: ConsultationRoute.receipt(id, code: ReceiptCode.display($0.receipt)).href(context)) },
            action: ConsultationRoute.answer(id).href(context), signedIn: context.account != nil,
            notice: notice, errors: errors.count, errorCount: String(format: text(context, "error_count"), errors.count),
            questions: AnswerFormView.questions(detail, form: form, errors: errors, context: context),
            editHref: context.can("consultations.edit") ? ConsultationRoute.edit(id).href(context) : nil,
            feedback: consultation.isPublic ? try await environment.services.feedback.thread(item: "consultation:\(id)", context: context) : "",
            follow: consultation.isPublic ? try await environment.services.follows.button(kind: "consultation", key: String(id), context: context) : "",
            personal: context.account != nil || status != .ok || previous != nil)
        return try context.render(page, title: context.localized(consultation.title), status: status)
    }

    static func existing(_ db: Database, consultation: Int64, respondent: String) throws -> (receipt: String, at: Date)? {
        try Row.fetchOne(db, sql: "SELECT receipt, submitted_at FROM consultation_response WHERE consultation_id = ? AND respondent = ?",
                         arguments: [consultation, respondent]).map { ($0["receipt"], $0["submitted_at"]) }
    }

    @Sendable func answer(_ request: Request, context: CivicContext) async throws -> Response {
        let detail = try await load(context)
        let consultation = detail.consultation
        let id = consultation.id ?? 0
        let form = context.form
        guard consultation.phase() == .open else {
            throw HTTPError(.forbidden, message: text(context, consultation.phase() == .upcoming ? "error.not_open_yet" : "error.closed"))
        }
        func again(_ notice: String?, _ errors: [Int64: AnswerSheet.Problem], _ status: HTTPResponse.Status) async throws -> Response {
            try await render(detail, context: context, form: form, errors: errors, notice: notice, previous: nil, status: status)
        }
        if consultation.audience == .accounts && context.account == nil {
            return try await again(text(context, "error.sign_in_required"), [:], .unauthorized)
        }
        // one answer per person: the account, or the visitor's signed cookie
        let scope = "\(context.tenant.slug)|respondent"
        let cookieValue = visitorCookie(request, context: context)
        let visitor = cookieValue ?? RandomToken.make()
        let respondent = context.account.map { "account:\($0.id)" } ?? "visitor:\(visitor)"
        if let previous = try await context.database.read({ db in try Self.existing(db, consultation: id, respondent: respondent) }) {
            return try await render(detail, context: context, form: form, errors: [:], notice: text(context, "error.already_answered"),
                                    previous: previous, status: .conflict)
        }
        if !form.text("website").isEmpty { return try await again(text(context, "error.honeypot"), [:], .unprocessableContent) }
        let sheet = AnswerSheet(form: form, questions: detail.questions, options: detail.options)
        guard sheet.errors.isEmpty else { return try await again(nil, sheet.errors, .unprocessableContent) }
        guard !sheet.values.isEmpty else { return try await again(text(context, "error.empty"), [:], .unprocessableContent) }
        guard environment.citizenInput.admit(context.citizenInputKeys) else { return try await again(text(context, "error.rate_limited"), [:], .tooManyRequests) }

        let receipt = ReceiptCode.make()
        let accountID = context.account?.id, locale = context.locale, values = sheet.values
        do {
            try await context.database.write { db in
                try db.execute(sql: """
                    INSERT INTO consultation_response (consultation_id, respondent, account_id, receipt, locale, submitted_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, respondent, accountID, receipt, locale, Date()])
                let response = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: "INSERT INTO consultation_answer (response_id, question_id, option_id, number, text) VALUES (?, ?, ?, ?, ?)")
                for value in values { try insert.execute(arguments: [response, value.questionID, value.optionID, value.number, value.text]) }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // the same person submitted twice at once: the first one counts
            return try await again(text(context, "error.already_answered"), [:], .conflict)
        }
        var response = context.redirect(ConsultationRoute.receipt(id, code: ReceiptCode.display(receipt)))
        if context.account == nil && cookieValue == nil {
            // only the consultations' pages depend on it: the rest of the site stays in the shared cache for this visitor
            response.setCookie(Cookie(name: Self.respondentCookie, value: environment.signer.token(visitor, scope: scope), maxAge: 31_536_000,
                                      path: ConsultationRoute.list.path(context.root), secure: environment.secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    @Sendable func receipt(_ request: Request, context: CivicContext) async throws -> Response {
        let detail = try await load(context)
        let typed = try context.parameters.require("code")
        let id = detail.consultation.id ?? 0
        // typed back in any case, with or without dashes; codes of the earlier format match as they were
        guard let row = try await context.database.read({ db in
            try Row.fetchOne(db, sql: """
                SELECT r.receipt, r.submitted_at, (SELECT COUNT(DISTINCT question_id) FROM consultation_answer a WHERE a.response_id = r.id) AS answered
                FROM consultation_response r WHERE r.consultation_id = ? AND r.receipt IN (?, ?)
                """, arguments: [id, ReceiptCode.normalized(typed), typed])
                .map { (receipt: $0["receipt"] as String, submitted: $0["submitted_at"] as Date, answered: $0["answered"] as Int) }
        }) else { throw HTTPError(.notFound, message: text(context, "error.receipt_not_found")) }
        let code = ReceiptCode.display(row.receipt)
        return try context.render(ReceiptPage(
            consultation: context.localized(detail.consultation.title), href: ConsultationRoute.consultation(id).href(context),
            receipt: code, date: context.dates.dateTime(row.submitted),
            answered: String(format: text(context, "answered_count"), row.answered, detail.answerable.count),
            closes: context.dates.dateTime(detail.consultation.closesAt)), title: text(context, "receipt_title"))
    }

    @Sendable func results(_ request: Request, context: CivicContext) async throws -> Response {
        let detail = try await load(context)
        let staff = context.can("consultations.edit")
        guard detail.consultation.status == .published || staff else {
            let consultation = detail.consultation
            let key = consultation.phase() == .closed ? "results_pending_closed" : "results_pending_open"
            return try context.render(ResultsPendingPage(title: context.localized(consultation.title),
                                                         href: ConsultationRoute.consultation(consultation.id ?? 0).href(context),
                                                         message: String(format: text(context, key), Bidi.isolate(context.dates.dateTime(consultation.closesAt).text))),
                                      title: "\(text(context, "results_title")) — \(context.localized(consultation.title))")
        }
        let id = detail.consultation.id ?? 0
        // counting every answer is the page's cost: once per version of the answers, not per rendering
        let results = try await context.memoised("results.\(id)") {
            // the questions are read again here, so that a change to them is a change to the value kept
            let questions = try await load(context)
            return try await context.database.read { db in try ConsultationResults.load(db, detail: questions) }
        }
        let page = ResultsPage(
            title: context.localized(detail.consultation.title), href: ConsultationRoute.consultation(id).href(context),
            responses: results.responses, draftResults: detail.consultation.status != .published,
            questions: ResultsView.questions(results, context: context, moderate: context.can("consultations.moderate"), consultation: id),
            jsonHref: ConsultationRoute.apiResults(id).href(context),
            csvHref: staff ? ConsultationRoute.answersCSV(id).href(context) : nil, staff: staff)
        return try context.render(page, title: "\(text(context, "results_title")) — \(context.localized(detail.consultation.title))")
    }
}
