import CivicSDK

/// `{root}/admin/consultations`: every consultation with its phase, answers and data.
struct ConsultationsConsolePage: PageModel {
    static let template = "console"
    static let fields = TemplateFields<Self>(["newHref": \.newHref, "consultations": \.consultations, "hasConsultations": \.hasConsultations])

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "phase": \.phase, "answers": \.answers, "editHref": \.editHref,
                                                  "resultsHref": \.resultsHref, "csvHref": \.csvHref])
        let title: String, phase: String, answers: Int, editHref: String, resultsHref: String, csvHref: String
    }

    let newHref: String, consultations: [Row]
    var hasConsultations: Bool { !consultations.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/consultations/new` and `…/{id}`: the consultation's form, then its questions.
struct ConsultationEditorPage: PageModel {
    static let template = "consultation-form"
    static let fields = TemplateFields<Self>([
        "heading": \.heading, "backHref": \.backHref, "backLabel": \.backLabel, "action": \.action, "fields": \.formFields,
        "errors": \.errors, "hasErrors": \.hasErrors, "questions": \.questions,
    ])

    struct Questions: TemplateModel {
        static let fields = TemplateFields<Self>(["locked": \.locked, "items": \.items, "newHref": \.newHref, "publicHref": \.publicHref,
                                                  "resultsHref": \.resultsHref, "csvHref": \.csvHref])
        let locked: Bool, items: [Item], newHref: String, publicHref: String, resultsHref: String, csvHref: String
    }

    struct Item: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "type": \.type, "required": \.required, "editHref": \.editHref,
                                                  "deleteAction": \.deleteAction])
        let title: String, type: String, required: Bool, editHref: String, deleteAction: String
    }

    let heading: String, backHref: String, backLabel: String, action: String, formFields: [FormField], errors: [String]
    /// The questions of an existing consultation.
    let questions: Questions?

    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
