import CivicSDK

/// `{root}/consultations/{id}/results`: per question, a chart with its table, or the free-text answers.
struct ResultsPage: PageModel {
    static let template = "results"
    static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "responses": \.responses, "draftResults": \.draftResults,
                                              "questions": \.questions, "jsonHref": \.jsonHref, "csvHref": \.csvHref])

    struct Question: TemplateModel {
        static let fields = TemplateFields<Self>([
            "title": \.title, "respondents": \.respondents, "isText": \.isText, "isRanking": \.isRanking, "isCounted": \.isCounted,
            "chart": \.chart, "lines": \.lines, "mean": \.mean, "texts": \.texts, "textCount": \.textCount,
        ])
        let title: String, respondents: String, type: QuestionType, chart: String, lines: [Line], mean: String?, texts: [TextAnswer]
        let textCount: String

        var isText: Bool { type.isText }
        var isRanking: Bool { type == .ranking }
        var isCounted: Bool { !type.isText && type != .ranking }
    }

    struct Line: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "count": \.count, "percent": \.percent, "meanRank": \.meanRank, "firsts": \.firsts])
        let label: String, count: Int, percent: Int, meanRank: String, firsts: Int
    }

    struct TextAnswer: TemplateModel {
        static let fields = TemplateFields<Self>(["id": \.id, "text": \.text, "hidden": \.hidden, "reason": \.reason, "hideAction": \.hideAction])
        let id: Int64, text: String
        /// Why a moderator hid it; `nil` while shown.
        let reason: String?
        /// Where a moderator hides it; `nil` for everyone else.
        let hideAction: String?
        var hidden: Bool { reason != nil }
    }

    let title: String, href: String, responses: Int, draftResults: Bool, questions: [Question], jsonHref: String, csvHref: String?
    let staff: Bool

}
