import CivicSDK

/// Every address of the `consultations` module, written once.
enum ConsultationRoute: TenantRoute {
    case list, consultation(Int64), answer(Int64), receipt(Int64, code: String), results(Int64), feed, api, apiResults(Int64)
    case console, newConsultation, edit(Int64), answersCSV(Int64), newQuestion(Int64), question(Int64, Int64?), deleteQuestion(Int64, Int64)
    case hideAnswer(Int64, answer: Int64)

    var path: String {
        switch self {
        case .list: "/consultations"
        case .consultation(let id): "/consultations/\(id)"
        case .answer(let id): "/consultations/\(id)/answer"
        case .receipt(let id, let code): "/consultations/\(id)/receipt/\(code)"
        case .results(let id): "/consultations/\(id)/results"
        case .feed: "/consultations/feed.atom"
        case .api: "/api/v1/consultations"
        case .apiResults(let id): "/api/v1/consultations/\(id)/results"
        case .console: "/admin/consultations"
        case .newConsultation: "/admin/consultations/new"
        case .edit(let id): "/admin/consultations/\(id)"
        case .answersCSV(let id): "/admin/consultations/\(id)/answers.csv"
        case .newQuestion(let id): "/admin/consultations/\(id)/questions/new"
        case .question(let id, let question): "/admin/consultations/\(id)/questions/\(question.map(String.init) ?? "new")"
        case .deleteQuestion(let id, let question): "/admin/consultations/\(id)/questions/\(question)/delete"
        case .hideAnswer(let id, let answer): "/admin/consultations/\(id)/answers/\(answer)/hide"
        }
    }
}
