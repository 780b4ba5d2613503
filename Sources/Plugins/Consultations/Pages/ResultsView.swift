import CivicSDK
import Foundation

/// Results per question: an SVG bar chart and its table twin, or the free-text answers.
enum ResultsView {
    static func questions(_ results: ConsultationResults, context: CivicContext, moderate: Bool, consultation: Int64) -> [ResultsPage.Question] {
        results.questions.map { result in
            let question = result.question
            // a ranking reads best from the most to the least preferred option
            let ordered = question.type == .ranking ? result.lines.sorted { $0.count > $1.count } : result.lines
            return ResultsPage.Question(
                title: context.localized(question.title),
                respondents: context.plural("consultations.respondents", result.respondents),
                type: question.type,
                chart: question.type.isText ? "" : BarChart.chart(ordered.map { (context.localized($0.label), $0.count) }),
                lines: ordered.map { line in
                    .init(label: context.localized(line.label), count: line.count, percent: line.percent,
                          meanRank: line.meanRank.map { context.number($0, fractionDigits: 2) } ?? "—", firsts: line.firsts ?? 0)
                },
                mean: result.mean.map { context.number($0, fractionDigits: 2) },
                texts: result.texts.map { answer in
                    .init(id: answer.id, text: answer.text, reason: answer.hiddenReason,
                          hideAction: moderate ? ConsultationRoute.hideAnswer(consultation, answer: answer.id).href(context) : nil)
                },
                textCount: String(format: context.text("consultations.text_count"), result.textCount,
                                  min(result.textCount, ConsultationResults.textsShown)))
        }
    }
}
