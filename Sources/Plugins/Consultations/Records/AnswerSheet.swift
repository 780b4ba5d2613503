import CivicSDK

/// One person's submitted answers, checked question by question against the consultation.
///
/// Nothing is stored unless ``errors`` is empty; the form is then shown again from the same
/// submission, so every answer stays as it was typed.
struct AnswerSheet: Sendable {
    /// One stored value: an option chosen (with its rank for a ranking), a number, or a text.
    struct Value: Sendable, Equatable {
        var questionID: Int64
        var optionID: Int64?
        var number: Int?
        var text: String?
    }

    /// A problem with one question's answer: a string key, and the number it mentions if any.
    struct Problem: Sendable, Equatable {
        var key: String
        var count: Int?
    }

    private(set) var values: [Value] = []
    private(set) var errors: [Int64: Problem] = [:]

    static func field(_ question: Question) -> String { "q\(question.id ?? 0)" }
    static func rankField(_ question: Question, _ option: QuestionOption) -> String { "q\(question.id ?? 0)-\(option.id ?? 0)" }

    init(form: FormData, questions: [Question], options: [Int64: [QuestionOption]]) {
        for question in questions where question.type != .section {
            guard let id = question.id else { continue }
            read(question, id: id, options: options[id] ?? [], form: form)
        }
    }

    private mutating func fail(_ id: Int64, _ key: String, _ count: Int? = nil) {
        errors[id] = Problem(key: "consultations.answer_error.\(key)", count: count)
    }

    private mutating func read(_ question: Question, id: Int64, options: [QuestionOption], form: FormData) {
        let field = Self.field(question)
        let raw = form.text(field)
        let optionIDs = Set(options.compactMap(\.id))
        switch question.type {
        case .section:
            return
        case .shortText, .longText:
            if raw.isEmpty { if question.required { fail(id, "required") }; return }
            guard raw.count <= question.type.maxLength else { return fail(id, "too_long", question.type.maxLength) }
            values.append(Value(questionID: id, text: raw))
        case .single:
            if raw.isEmpty { if question.required { fail(id, "required") }; return }
            guard let option = Int64(raw), optionIDs.contains(option) else { return fail(id, "invalid_choice") }
            values.append(Value(questionID: id, optionID: option))
        case .multiple:
            let chosen = form.all(field).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if chosen.isEmpty { if question.required { fail(id, "required") }; return }
            let ids = chosen.compactMap(Int64.init)
            guard ids.count == chosen.count, Set(ids).isSubset(of: optionIDs) else { return fail(id, "invalid_choice") }
            let distinct = Array(Set(ids)).sorted()
            if question.minChoices > 0, distinct.count < question.minChoices { return fail(id, "too_few", question.minChoices) }
            if question.maxChoices > 0, distinct.count > question.maxChoices { return fail(id, "too_many", question.maxChoices) }
            values += distinct.map { Value(questionID: id, optionID: $0) }
        case .scale:
            if raw.isEmpty { if question.required { fail(id, "required") }; return }
            guard let value = Int(raw), (question.scaleMin...question.scaleMax).contains(value) else { return fail(id, "invalid_scale") }
            values.append(Value(questionID: id, number: value))
        case .yesNo:
            if raw.isEmpty { if question.required { fail(id, "required") }; return }
            guard raw == "yes" || raw == "no" else { return fail(id, "invalid_choice") }
            values.append(Value(questionID: id, number: raw == "yes" ? 1 : 0))
        case .ranking:
            let ranks = options.map { option in (option, form.text(Self.rankField(question, option))) }
            let given = ranks.filter { !$0.1.isEmpty }
            if given.isEmpty { if question.required { fail(id, "required") }; return }
            let numbers = given.compactMap { Int($0.1) }
            guard numbers.count == given.count, numbers.allSatisfy({ (1...options.count).contains($0) }) else { return fail(id, "invalid_choice") }
            guard given.count == options.count, Set(numbers).count == numbers.count else { return fail(id, "ranking_incomplete", options.count) }
            values += given.map { Value(questionID: id, optionID: $0.0.id, number: Int($0.1)) }
        }
    }
}
