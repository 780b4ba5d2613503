import CivicSDK

/// The answer form's questions as template data, filled from a submission when one is shown again.
enum AnswerFormView {
    static func questions(_ detail: ConsultationDetail, form: FormData, errors: [Int64: AnswerSheet.Problem], context: CivicContext) -> [[String: Any]] {
        detail.questions.map { question in
            let id = question.id ?? 0
            let field = AnswerSheet.field(question)
            let options = detail.options[id] ?? []
            let chosen = Set(form.all(field))
            let help = context.localized(question.help)
            let error = errors[id].map { problem in
                problem.count.map { String(format: context.text(problem.key), $0) } ?? context.text(problem.key)
            }
            var describedBy = [String]()
            if !help.isEmpty { describedBy.append("\(field)-help") }
            if error != nil { describedBy.append("\(field)-error") }
            var data: [String: Any] = [
                "field": field, "title": context.localized(question.title), "help": help, "hasHelp": !help.isEmpty,
                "required": question.required, "error": error ?? "", "hasError": error != nil,
                "describedBy": describedBy.isEmpty ? [] : [describedBy.joined(separator: " ")],
                "value": form.text(field), "maxLength": question.type.maxLength,
                "is_\(question.type.rawValue)": true,
            ]
            switch question.type {
            case .single, .multiple:
                data["options"] = options.map { option -> [String: Any] in
                    ["value": option.id ?? 0, "label": context.localized(option.label), "inputID": "\(field)-\(option.id ?? 0)",
                     "checked": chosen.contains(String(option.id ?? 0))]
                }
                if question.type == .multiple { data["limits"] = [limits(question, context: context)].filter { !$0.isEmpty } }
            case .scale:
                data["values"] = (question.scaleMin...question.scaleMax).map { value -> [String: Any] in
                    ["value": value, "inputID": "\(field)-\(value)", "checked": chosen.contains(String(value))]
                }
                data["scaleHint"] = String(format: context.text("consultations.scale_hint"), question.scaleMin, question.scaleMax)
            case .yesNo:
                data["yes"] = chosen.contains("yes")
                data["no"] = chosen.contains("no")
            case .ranking:
                data["rankHint"] = String(format: context.text("consultations.rank_hint"), options.count)
                data["ranks"] = options.map { option -> [String: Any] in
                    let rankField = AnswerSheet.rankField(question, option)
                    let current = form.text(rankField)
                    return ["label": context.localized(option.label), "field": rankField,
                            "positions": (1...max(options.count, 1)).map { ["value": $0, "selected": current == String($0)] }]
                }
            case .section, .shortText, .longText:
                break
            }
            return data
        }
    }

    private static func limits(_ question: Question, context: CivicContext) -> String {
        switch (question.minChoices, question.maxChoices) {
        case (0, 0): ""
        case (let low, 0): String(format: context.text("consultations.choose_at_least"), low)
        case (0, let high): String(format: context.text("consultations.choose_at_most"), high)
        case (let low, let high): String(format: context.text("consultations.choose_between"), low, high)
        }
    }
}
