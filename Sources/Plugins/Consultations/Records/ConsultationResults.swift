import CivicSDK
import Foundation
import GRDB

/// Counted answers of a consultation: per question, how many chose what, from SQL aggregates
/// (four queries over covering indexes, whatever the number of answers), and the latest free-text answers.
struct ConsultationResults: Sendable {
    /// One line of a question's result: an option, a scale value, yes or no.
    struct Line: Sendable {
        let label: LocalizedText
        let count: Int
        /// Share of the question's respondents, in percent (for rankings: share of the best possible score).
        let percent: Int
        /// Rankings only: mean position (1 = first) and times ranked first.
        var meanRank: Double?
        var firsts: Int?
    }

    struct TextAnswer: Sendable {
        let id: Int64
        let text: String
        let hiddenReason: String?
    }

    struct QuestionResult: Sendable {
        let question: Question
        let respondents: Int
        let lines: [Line]
        /// Scale only: the mean value.
        let mean: Double?
        let texts: [TextAnswer]
        let textCount: Int
    }

    static let textsShown = 100

    let responses: Int
    let questions: [QuestionResult]

    static func load(_ db: Database, detail: ConsultationDetail) throws -> ConsultationResults {
        let id = detail.consultation.id ?? 0
        let questionIDs = "SELECT id FROM consultation_question WHERE consultation_id = ?"
        var counts: [Int64: [(option: Int64?, number: Int?, n: Int)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT question_id, option_id, number, COUNT(*) AS n FROM consultation_answer
            WHERE question_id IN (\(questionIDs)) AND text IS NULL GROUP BY question_id, option_id, number
            """, arguments: [id]) {
            counts[row["question_id"], default: []].append((row["option_id"], row["number"], row["n"]))
        }
        var respondents: [Int64: Int] = [:]
        var textCounts: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT question_id, COUNT(DISTINCT response_id) AS people FROM consultation_answer
            WHERE question_id IN (\(questionIDs)) GROUP BY question_id
            """, arguments: [id]) {
            respondents[row["question_id"]] = row["people"]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT question_id, COUNT(*) AS texts FROM consultation_answer WHERE question_id IN (\(questionIDs)) AND text IS NOT NULL GROUP BY question_id
            """, arguments: [id]) {
            textCounts[row["question_id"]] = row["texts"]
        }
        var texts: [Int64: [TextAnswer]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, question_id, text, hidden_reason FROM (
              SELECT id, question_id, text, hidden_reason, ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY id DESC) AS rn
              FROM consultation_answer WHERE question_id IN (\(questionIDs)) AND text IS NOT NULL)
            WHERE rn <= ? ORDER BY id DESC
            """, arguments: [id, textsShown]) {
            texts[row["question_id"], default: []].append(TextAnswer(id: row["id"], text: row["text"], hiddenReason: row["hidden_reason"]))
        }
        let results = detail.answerable.map { question -> QuestionResult in
            let qid = question.id ?? 0
            let people = respondents[qid] ?? 0
            let rows = counts[qid] ?? []
            return QuestionResult(question: question, respondents: people,
                                  lines: lines(question, options: detail.options[qid] ?? [], rows: rows, people: people),
                                  mean: question.type == .scale && people > 0
                                      ? Double(rows.reduce(0) { $0 + ($1.number ?? 0) * $1.n }) / Double(people) : nil,
                                  texts: texts[qid] ?? [], textCount: textCounts[qid] ?? 0)
        }
        return ConsultationResults(responses: detail.responses, questions: results)
    }

    private static func lines(_ question: Question, options: [QuestionOption], rows: [(option: Int64?, number: Int?, n: Int)], people: Int) -> [Line] {
        func percent(_ count: Int, _ total: Int) -> Int { BarChart.percent(count, of: total) }
        switch question.type {
        case .single, .multiple:
            return options.map { option in
                let count = rows.filter { $0.option == option.id }.reduce(0) { $0 + $1.n }
                return Line(label: option.label, count: count, percent: percent(count, people))
            }
        case .ranking:
            let size = options.count
            return options.map { option in
                let mine = rows.filter { $0.option == option.id }
                let ranked = mine.reduce(0) { $0 + $1.n }
                let score = mine.reduce(0) { $0 + (size - ($1.number ?? size) + 1) * $1.n }
                var line = Line(label: option.label, count: score, percent: percent(score, people * size))
                line.meanRank = ranked == 0 ? nil : Double(mine.reduce(0) { $0 + ($1.number ?? 0) * $1.n }) / Double(ranked)
                line.firsts = mine.filter { $0.number == 1 }.reduce(0) { $0 + $1.n }
                return line
            }
        case .scale:
            return (question.scaleMin...question.scaleMax).map { value in
                let count = rows.filter { $0.number == value }.reduce(0) { $0 + $1.n }
                return Line(label: LocalizedText(["fr": "\(value)", "ar": "\(value)", "en": "\(value)"]), count: count, percent: percent(count, people))
            }
        case .yesNo:
            return [(1, ["fr": "Oui", "ar": "نعم", "en": "Yes"]), (0, ["fr": "Non", "ar": "لا", "en": "No"])].map { value, label in
                let count = rows.filter { $0.number == value }.reduce(0) { $0 + $1.n }
                return Line(label: LocalizedText(label), count: count, percent: percent(count, people))
            }
        case .section, .shortText, .longText:
            return []
        }
    }
}
