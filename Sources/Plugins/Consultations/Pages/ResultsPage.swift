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
        let title: String
        let respondents: String
        let type: QuestionType
        let chart: String
        let lines: [Line]
        let mean: String?
        let texts: [TextAnswer]
        let textCount: String

        var isText: Bool { type.isText }
        var isRanking: Bool { type == .ranking }
        var isCounted: Bool { !type.isText && type != .ranking }
    }

    struct Line: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "count": \.count, "percent": \.percent, "meanRank": \.meanRank, "firsts": \.firsts])
        let label: String
        let count: Int
        let percent: Int
        let meanRank: String
        let firsts: Int
    }

    struct TextAnswer: TemplateModel {
        static let fields = TemplateFields<Self>(["id": \.id, "text": \.text, "hidden": \.hidden, "reason": \.reason, "hideAction": \.hideAction])
        let id: Int64
        let text: String
        /// Why a moderator hid it; `nil` while shown.
        let reason: String?
        /// Where a moderator hides it; `nil` for everyone else.
        let hideAction: String?
        var hidden: Bool { reason != nil }
    }

    let title: String
    let href: String
    let responses: Int
    let draftResults: Bool
    let questions: [Question]
    let jsonHref: String
    let csvHref: String?
    let staff: Bool

    var cachePolicy: CachePolicy { staff ? .perVisitor : .shared }
}
