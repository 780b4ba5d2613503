import CivicSDK

/// The question form of the console: type, wording per language, options one per line per language,
/// limits; checked before anything is stored.
struct QuestionForm: Sendable {
    var type = QuestionType.single.rawValue
    var title: LocalizedText = [:]
    var help: LocalizedText = [:]
    var required = false
    /// Options, one per line, per locale.
    var options: [String: String] = [:]
    var minChoices = ""
    var maxChoices = ""
    var scale = "5"
    var errors: [String] = []

    init() {}

    init(_ question: Question, options list: [QuestionOption]) {
        type = question.type.rawValue
        title = question.title
        help = question.help
        required = question.required
        var lines: [String: [String]] = [:]
        for option in list { for (locale, text) in option.label.values { lines[locale, default: []].append(text) } }
        options = lines.mapValues { $0.joined(separator: "\n") }
        minChoices = question.minChoices == 0 ? "" : String(question.minChoices)
        maxChoices = question.maxChoices == 0 ? "" : String(question.maxChoices)
        scale = question.scaleMin == 0 ? "10" : "5"
    }

    init(form: FormData, locales: [String]) {
        type = form.text("type")
        title = form.localized("title", locales: locales)
        help = form.localized("help", locales: locales)
        required = form.isChecked("required")
        options = Dictionary(uniqueKeysWithValues: locales.map { ($0, form.text("options.\($0)")) })
        minChoices = form.text("min_choices")
        maxChoices = form.text("max_choices")
        scale = form.text("scale")
        guard let kind = QuestionType(rawValue: type) else { errors.append("consultations.form_error.type"); return }
        if title.isEmpty { errors.append("consultations.form_error.question_title") }
        if kind.hasOptions {
            let counts = Set(optionLines.values.map(\.count).filter { $0 > 0 })
            if counts.count > 1 { errors.append("consultations.form_error.option_counts") }
            if (counts.first ?? 0) < 2 { errors.append("consultations.form_error.options") }
            if (counts.first ?? 0) > 30 { errors.append("consultations.form_error.too_many_options") }
        }
        if kind == .multiple {
            let low = minChoices.isEmpty ? 0 : Int(minChoices), high = maxChoices.isEmpty ? 0 : Int(maxChoices)
            if let low, let high, low >= 0, high >= 0, high == 0 || low <= high, high <= (counts ?? 0) {} else {
                errors.append("consultations.form_error.limits")
            }
        }
        if kind == .scale && scale != "5" && scale != "10" { errors.append("consultations.form_error.scale") }
    }

    /// Non-empty lines per locale that has any.
    var optionLines: [String: [String]] {
        options.mapValues { $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            .filter { !$0.value.isEmpty }
    }

    private var counts: Int? { optionLines.values.first?.count }

    /// The question (and its option labels, in order) for valid input.
    func build(consultation: Int64, position: Int, id: Int64? = nil) -> (Question, [LocalizedText])? {
        guard errors.isEmpty, let kind = QuestionType(rawValue: type) else { return nil }
        let ten = kind == .scale && scale == "10"
        let question = Question(id: id, consultationID: consultation, position: position, type: kind, title: title, help: help,
                                required: kind == .section ? false : required,
                                minChoices: kind == .multiple ? Int(minChoices) ?? 0 : 0, maxChoices: kind == .multiple ? Int(maxChoices) ?? 0 : 0,
                                scaleMin: ten ? 0 : 1, scaleMax: ten ? 10 : 5)
        guard kind.hasOptions else { return (question, []) }
        let lines = optionLines
        let count = lines.values.first?.count ?? 0
        let labels = (0..<count).map { index in LocalizedText(lines.mapValues { $0[index] }) }
        return (question, labels)
    }
}
