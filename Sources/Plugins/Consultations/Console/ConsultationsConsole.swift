import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Staff screens under `{root}/admin/consultations`: consultations and their questions, the answers as
/// CSV, and moderation of free-text answers. Once a consultation has answers its existing questions
/// are locked (questions can still be added), so no answer ever loses the question it answered.
struct ConsultationsConsole {
    let services: ModuleServices
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: list)
        group.get("new", use: newForm)
        group.post("new", use: create)
        group.get(":id", use: editForm)
        group.post(":id", use: update)
        group.get(":id/questions/new", use: newQuestion)
        group.post(":id/questions/new", use: createQuestion)
        group.get(":id/questions/:question", use: editQuestion)
        group.post(":id/questions/:question", use: updateQuestion)
        group.post(":id/questions/:question/delete", use: deleteQuestion)
        group.get(":id/answers.csv", use: csv)
        group.post(":id/answers/:answer/hide", use: hideAnswer)
    }

    private func text(_ context: CivicContext, _ key: String) -> String { context.text("consultations.\(key)") }

    private func load(_ context: CivicContext) async throws -> ConsultationDetail {
        guard let id = Int64(try context.parameters.require("id")),
              let detail = try await context.database.read({ db in try ConsultationDetail.load(db, id: id) }) else {
            throw HTTPError(.notFound, message: text(context, "error.not_found"))
        }
        return detail
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let rows = try await context.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, (SELECT COUNT(*) FROM consultation_response r WHERE r.consultation_id = c.id) AS answers
                FROM consultation c ORDER BY c.opens_at DESC
                """).map { (try Consultation(row: $0), $0["answers"] as Int) }
        }
        let page = ConsultationsConsolePage(newHref: ConsultationRoute.newConsultation.href(context), consultations: rows.map { consultation, answers in
            let id = consultation.id ?? 0
            return .init(title: context.localized(consultation.title), phase: text(context, "phase.\(consultation.phase().rawValue)"),
                         answers: answers, editHref: ConsultationRoute.edit(id).href(context),
                         resultsHref: ConsultationRoute.results(id).href(context), csvHref: ConsultationRoute.answersCSV(id).href(context))
        })
        return try context.render(page, title: text(context, "console_title"))
    }

    // MARK: consultation

    private func subjects(_ context: CivicContext) async throws -> [LinkTarget] {
        try await services.links.targets(context).filter { !$0.id.hasPrefix("consultations:") }
    }

    private func renderConsultation(_ context: CivicContext, input: ConsultationForm, detail: ConsultationDetail?, status: HTTPResponse.Status) async throws -> Response {
        var fields = FormFields(context, labels: "consultations.field")
        fields.localized("title", value: input.title)
        fields.localized("description", value: input.description, multiline: true, help: text(context, "description_help"))
        let subjects = try await subjects(context)
        fields.select("subject", options: [("", text(context, "no_subject"))] + subjects.map { ($0.id, context.localized($0.title)) }, selected: input.subject)
        fields.text("opens_at", value: input.opensAt, required: true, help: String(format: text(context, "zone_help"), context.tenant.formats.timeZone), type: "datetime-local")
        fields.text("closes_at", value: input.closesAt, required: true, help: String(format: text(context, "zone_help"), context.tenant.formats.timeZone), type: "datetime-local")
        fields.select("audience", options: Consultation.Audience.allCases.map { ($0.rawValue, text(context, "audience.\($0.rawValue)")) },
                      selected: input.audience)
        fields.select("status", options: Consultation.Status.allCases.map { ($0.rawValue, text(context, "status.\($0.rawValue)")) }, selected: input.status)
        let questions = detail.map { detail in
            let id = detail.consultation.id ?? 0
            return ConsultationEditorPage.Questions(
                locked: detail.responses > 0,
                items: detail.questions.map { question in
                    .init(title: context.localized(question.title), type: text(context, "type.\(question.type.rawValue)"),
                          required: question.required, editHref: ConsultationRoute.question(id, question.id ?? 0).href(context),
                          deleteAction: ConsultationRoute.deleteQuestion(id, question.id ?? 0).href(context))
                },
                newHref: ConsultationRoute.newQuestion(id).href(context),
                publicHref: ConsultationRoute.consultation(id).href(context), resultsHref: ConsultationRoute.results(id).href(context),
                csvHref: ConsultationRoute.answersCSV(id).href(context))
        }
        let heading = detail.map { context.localized($0.consultation.title) } ?? text(context, "new_title")
        let page = ConsultationEditorPage(
            heading: heading, backHref: ConsultationRoute.console.href(context), backLabel: text(context, "console_title"),
            action: detail.map { ConsultationRoute.edit($0.consultation.id ?? 0).href(context) } ?? ConsultationRoute.newConsultation.href(context),
            formFields: fields.items, errors: input.errors.map { context.text($0) }, questions: questions)
        return try context.render(page, title: heading, status: status)
    }

    @Sendable func newForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        return try await renderConsultation(context, input: ConsultationForm(dates: context.dates), detail: nil, status: .ok)
    }

    private func readInput(_ context: CivicContext) async throws -> ConsultationForm {
        ConsultationForm(form: context.form, locales: context.tenant.locales, subjects: Set(try await subjects(context).map(\.id)),
                         dates: context.dates)
    }

    @Sendable func create(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let input = try await readInput(context)
        guard let consultation = input.apply(to: nil) else { return try await renderConsultation(context, input: input, detail: nil, status: .unprocessableContent) }
        let id = try await context.database.write { db in
            var record = consultation
            try record.insert(db)
            try context.audit(db, action: "create", itemType: "consultation", itemID: String(record.id ?? 0), summary: "created",
                              changes: FieldChange.diff(old: [:], new: record.auditFields))
            try ConsultationNews.statusChanged(db, from: .draft, to: record, context: context)
            return record.id ?? 0
        }
        return context.redirect(ConsultationRoute.edit(id), notice: .created)
    }

    @Sendable func editForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        return try await renderConsultation(context, input: ConsultationForm(detail.consultation, dates: context.dates), detail: detail, status: .ok)
    }

    @Sendable func update(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        let input = try await readInput(context)
        guard let updated = input.apply(to: detail.consultation) else {
            return try await renderConsultation(context, input: input, detail: detail, status: .unprocessableContent)
        }
        let before = detail.consultation.auditFields
        try await context.database.write { db in
            try updated.update(db)
            try context.audit(db, action: "update", itemType: "consultation", itemID: String(updated.id ?? 0), summary: "updated",
                              changes: FieldChange.diff(old: before, new: updated.auditFields))
            try ConsultationNews.statusChanged(db, from: detail.consultation.status, to: updated, context: context)
        }
        return context.redirect(ConsultationRoute.edit(updated.id ?? 0), notice: .saved)
    }

    // MARK: questions

    private func renderQuestion(_ context: CivicContext, detail: ConsultationDetail, input: QuestionForm, question: Int64?,
                                status: HTTPResponse.Status) throws -> Response {
        var fields = FormFields(context, labels: "consultations.field")
        fields.select("type", options: QuestionType.allCases.map { ($0.rawValue, text(context, "type.\($0.rawValue)")) }, selected: input.type)
        fields.localized("title", value: input.title)
        fields.localized("help", value: input.help)
        fields.checkbox("required", checked: input.required)
        fields.localized("options", value: LocalizedText(input.options), multiline: true, help: text(context, "options_help"))
        fields.text("min_choices", value: input.minChoices, inputMode: "numeric", help: text(context, "limits_help"))
        fields.text("max_choices", value: input.maxChoices, inputMode: "numeric")
        fields.select("scale", options: [("5", text(context, "scale_5")), ("10", text(context, "scale_10"))], selected: input.scale)
        let id = detail.consultation.id ?? 0
        let heading = question == nil ? text(context, "new_question") : text(context, "edit_question")
        return try context.render(FormPage(heading: heading, backHref: ConsultationRoute.edit(id).href(context),
                                           backLabel: context.localized(detail.consultation.title),
                                           action: ConsultationRoute.question(id, question).href(context),
                                           fields: fields, errors: input.errors.map { context.text($0) }), title: heading, status: status)
    }

    @Sendable func newQuestion(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        return try renderQuestion(context, detail: try await load(context), input: QuestionForm(), question: nil, status: .ok)
    }

    @Sendable func createQuestion(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        let input = QuestionForm(form: context.form, locales: context.tenant.locales)
        let id = detail.consultation.id ?? 0
        guard let (question, labels) = input.build(consultation: id, position: (detail.questions.map(\.position).max() ?? 0) + 1) else {
            return try renderQuestion(context, detail: detail, input: input, question: nil, status: .unprocessableContent)
        }
        try await context.database.write { db in
            var record = question
            try record.insert(db)
            for (index, label) in labels.enumerated() {
                var option = QuestionOption(id: nil, questionID: record.id ?? 0, position: index + 1, label: label)
                try option.insert(db)
            }
            try context.audit(db, action: "add_question", itemType: "consultation", itemID: String(id), summary: context.localized(question.title),
                              changes: [FieldChange(field: "question", old: nil, new: context.localized(question.title))])
        }
        return context.redirect(ConsultationRoute.edit(id), notice: .created)
    }

    /// The question, or a refusal when answers already point to it.
    private func editableQuestion(_ context: CivicContext, _ detail: ConsultationDetail) throws -> Question {
        guard let questionID = Int64(try context.parameters.require("question")),
              let question = detail.questions.first(where: { $0.id == questionID }) else {
            throw HTTPError(.notFound, message: text(context, "error.question_not_found"))
        }
        guard detail.responses == 0 else { throw HTTPError(.conflict, message: text(context, "error.questions_locked")) }
        return question
    }

    @Sendable func editQuestion(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        let question = try editableQuestion(context, detail)
        return try renderQuestion(context, detail: detail, input: QuestionForm(question, options: detail.options[question.id ?? 0] ?? []),
                                  question: question.id, status: .ok)
    }

    @Sendable func updateQuestion(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        let existing = try editableQuestion(context, detail)
        let input = QuestionForm(form: context.form, locales: context.tenant.locales)
        let id = detail.consultation.id ?? 0
        guard let (question, labels) = input.build(consultation: id, position: existing.position, id: existing.id) else {
            return try renderQuestion(context, detail: detail, input: input, question: existing.id, status: .unprocessableContent)
        }
        try await context.database.write { db in
            // checked again inside the transaction: an answer may have arrived since the page was read
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consultation_response WHERE consultation_id = ?", arguments: [id]) == 0 else {
                throw HTTPError(.conflict, message: text(context, "error.questions_locked"))
            }
            try question.update(db)
            try db.execute(sql: "DELETE FROM consultation_option WHERE question_id = ?", arguments: [existing.id])
            for (index, label) in labels.enumerated() {
                var option = QuestionOption(id: nil, questionID: existing.id ?? 0, position: index + 1, label: label)
                try option.insert(db)
            }
            try context.audit(db, action: "edit_question", itemType: "consultation", itemID: String(id), summary: context.localized(question.title),
                              changes: [FieldChange(field: "question", old: context.localized(existing.title), new: context.localized(question.title))])
        }
        return context.redirect(ConsultationRoute.edit(id), notice: .saved)
    }

    @Sendable func deleteQuestion(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        let question = try editableQuestion(context, detail)
        let id = detail.consultation.id ?? 0
        try await context.database.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consultation_response WHERE consultation_id = ?", arguments: [id]) == 0 else {
                throw HTTPError(.conflict, message: text(context, "error.questions_locked"))
            }
            _ = try question.delete(db)
            try context.audit(db, action: "delete_question", itemType: "consultation", itemID: String(id), summary: context.localized(question.title),
                              changes: [FieldChange(field: "question", old: context.localized(question.title), new: nil)])
        }
        return context.redirect(ConsultationRoute.edit(id), notice: .deleted)
    }

    // MARK: answers

    @Sendable func csv(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.edit")
        let detail = try await load(context)
        let document = try await context.database.read { db in try AnswersCSV.document(db, detail: detail, locale: context.tenant.defaultLocale) }
        var response = DataResponse.publicText(document, contentType: "text/csv; charset=utf-8",
                                               downloadName: "\(context.tenant.slug)-consultation-\(detail.consultation.id ?? 0).csv")
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    @Sendable func hideAnswer(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("consultations.moderate")
        let detail = try await load(context)
        let id = detail.consultation.id ?? 0
        let reason = context.form.text("reason")
        guard let answer = Int64(try context.parameters.require("answer")) else { throw HTTPError(.notFound) }
        guard !reason.isEmpty, reason.count <= 500 else { throw HTTPError(.unprocessableContent, message: text(context, "error.hide_reason")) }
        let found = try await context.database.write { db -> Bool in
            try db.execute(sql: """
                UPDATE consultation_answer SET hidden_at = ?, hidden_reason = ?
                WHERE id = ? AND text IS NOT NULL AND question_id IN (SELECT id FROM consultation_question WHERE consultation_id = ?)
                """, arguments: [Date(), reason, answer, id])
            guard db.changesCount > 0 else { return false }
            try context.audit(db, action: "hide_answer", itemType: "consultation", itemID: String(id), summary: reason,
                              changes: [FieldChange(field: "answer \(answer)", old: "visible", new: "hidden")])
            return true
        }
        guard found else { throw HTTPError(.notFound, message: text(context, "error.answer_not_found")) }
        return context.redirect(ConsultationRoute.results(id), notice: .hidden)
    }
}
