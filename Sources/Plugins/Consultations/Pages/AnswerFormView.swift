import CivicSDK

/// The answer form's questions, filled from a submission when one is shown again.
enum AnswerFormView {
    static func questions(_ detail: ConsultationDetail, form: FormData, errors: [Int64: AnswerSheet.Problem], context: CivicContext) -> [QuestionView] {
        detail.questions.map { question in
            let id = question.id ?? 0
            let field = AnswerSheet.field(question)
            let options = detail.options[id] ?? []
            let chosen = Set(form.all(field))
            let help = context.shown(question.help)
            let error = errors[id].map { problem in
                problem.count.map { String(format: context.text(problem.key), $0) } ?? context.text(problem.key)
            }
            var describedBy = [String]()
            if !help.text.isEmpty { describedBy.append("\(field)-help") }
            if error != nil { describedBy.append("\(field)-error") }
            var view = QuestionView(type: question.type, field: field, title: context.shown(question.title), help: help,
                                    required: question.required, error: error,
                                    describedBy: describedBy.isEmpty ? nil : describedBy.joined(separator: " "),
                                    value: form.text(field), maxLength: question.type.maxLength)
            switch question.type {
            case .single, .multiple:
                view.options = options.map { option in
                    QuestionView.Choice(value: String(option.id ?? 0), label: context.shown(option.label), inputID: "\(field)-\(option.id ?? 0)",
                                        checked: chosen.contains(String(option.id ?? 0)))
                }
                if question.type == .multiple { view.limits = Optional(limits(question, context: context)).flatMap { $0.isEmpty ? nil : $0 } }
            case .scale:
                view.values = (question.scaleMin...question.scaleMax).map { value in
                    QuestionView.Choice(value: String(value), label: nil, inputID: "\(field)-\(value)", checked: chosen.contains(String(value)))
                }
                view.scaleHint = String(format: context.text("consultations.scale_hint"), question.scaleMin, question.scaleMax)
            case .yesNo:
                view.yes = chosen.contains("yes")
                view.no = chosen.contains("no")
            case .ranking:
                view.rankHint = String(format: context.text("consultations.rank_hint"), options.count)
                view.ranks = options.map { option in
                    let rankField = AnswerSheet.rankField(question, option)
                    let current = form.text(rankField)
                    return QuestionView.Rank(label: context.shown(option.label), field: rankField,
                                             positions: (1...max(options.count, 1)).map { .init(value: $0, selected: current == String($0)) })
                }
            case .section, .shortText, .longText:
                break
            }
            return view
        }
    }

    private static func limits(_ question: Question, context: CivicContext) -> String {
        switch (question.minChoices, question.maxChoices) {
        case (0, 0): ""
        case (let low, 0): context.plural("consultations.choose_at_least", low)
        case (0, let high): context.plural("consultations.choose_at_most", high)
        case (let low, let high): String(format: context.text("consultations.choose_between"), low, high)
        }
    }
}
