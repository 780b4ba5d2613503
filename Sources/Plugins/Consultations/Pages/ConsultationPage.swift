import CivicSDK

/// `{root}/consultations/{id}`: the consultation, then its answer form while it is open (or why it is not).
struct ConsultationPage: PageModel {
    static let template = "show"
    static let fields = TemplateFields<Self>([
        "title": \.title, "description": \.description, "phase": \.phase, "opens": \.opens, "closes": \.closes, "audience": \.audience,
        "subject": \.subject, "responses": \.responses, "sample": \.sample, "showForm": \.showForm, "needsAccount": \.needsAccount,
        "signInHref": \.signInHref, "upcoming": \.upcoming, "closed": \.closed, "resultsHref": \.resultsHref, "previous": \.previous,
        "action": \.action, "signedIn": \.signedIn, "notice": \.notice, "noNotice": \.noNotice, "hasErrors": \.hasErrors,
        "errorCount": \.errorCount, "questions": \.questions, "editHref": \.editHref, "feedback": \.feedback,
        "follow": \.follow,
    ])

    struct Subject: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href])
        let title: String, href: String
    }

    struct Previous: TemplateModel {
        static let fields = TemplateFields<Self>(["receipt": \.receipt, "date": \.date, "href": \.href])
        let receipt: String, date: TimeText
        /// The receipt's own page.
        let href: String
    }

    let title: String, description: String, phase: String, opens: TimeText, closes: TimeText, audience: String, subject: Subject?
    let responses: Int, sample: Bool, showForm: Bool, needsAccount: Bool, signInHref: String, upcoming: Bool, closed: Bool
    let resultsHref: String?, previous: Previous?, action: String, signedIn: Bool, notice: String?, errors: Int, errorCount: String
    let questions: [QuestionView], editHref: String?, feedback: String
    /// The follow button (HTML from the host).
    let follow: String
    /// Holds what one visitor typed or who they are: never shared.
    let personal: Bool

    var noNotice: Bool { notice == nil }
    var hasErrors: Bool { errors > 0 || notice != nil }
    var cachePolicy: CachePolicy { personal ? .perVisitor : .shared }
}

/// One question of the answer form, with what was typed and its error when a submission comes back.
struct QuestionView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "field": \.field, "title": \.title, "help": \.help, "hasHelp": \.hasHelp, "required": \.required, "error": \.error,
        "hasError": \.hasError, "describedBy": \.describedBy, "value": \.value, "maxLength": \.maxLength,
        "is_section": \.isSection, "is_short_text": \.isShortText, "is_long_text": \.isLongText, "is_single": \.isSingle,
        "is_multiple": \.isMultiple, "is_scale": \.isScale, "is_yes_no": \.isYesNo, "is_ranking": \.isRanking,
        "options": \.options, "limits": \.limits, "values": \.values, "scaleHint": \.scaleHint, "yes": \.yes, "no": \.no,
        "rankHint": \.rankHint, "ranks": \.ranks,
    ])

    struct Choice: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "inputID": \.inputID, "checked": \.checked])
        /// `label` is an option's text (possibly in another language than the page's) or a scale's number.
        let value: String, label: LanguageText?, inputID: String, checked: Bool
    }

    struct Rank: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "field": \.field, "positions": \.positions])
        let label: LanguageText, field: String, positions: [Position]
    }

    struct Position: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "selected": \.selected])
        let value: Int, selected: Bool
    }

    /// The question's own words, in the page's language or marked with the one they fall back to.
    let type: QuestionType, field: String, title: LanguageText, help: LanguageText, required: Bool, error: String?, describedBy: String?, value: String
    let maxLength: Int
    var options: [Choice] = []
    var limits: String?
    var values: [Choice] = []
    var scaleHint = ""
    var yes = false
    var no = false
    var rankHint = ""
    var ranks: [Rank] = []

    var hasHelp: Bool { !help.text.isEmpty }
    var hasError: Bool { error != nil }
    var isSection: Bool { type == .section }
    var isShortText: Bool { type == .shortText }
    var isLongText: Bool { type == .longText }
    var isSingle: Bool { type == .single }
    var isMultiple: Bool { type == .multiple }
    var isScale: Bool { type == .scale }
    var isYesNo: Bool { type == .yesNo }
    var isRanking: Bool { type == .ranking }
}
