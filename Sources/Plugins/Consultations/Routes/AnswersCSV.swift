import CivicSDK
import Foundation
import GRDB

/// Every answer of a consultation as CSV for staff: one row per respondent, one column per question
/// (choices joined by "; ", rankings as "first > second > …"), read in one ordered query.
enum AnswersCSV {
    static func document(_ db: Database, detail: ConsultationDetail, locale: String) throws -> String {
        let questions = detail.answerable
        let column = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($0.element.id ?? 0, $0.offset) })
        let types = Dictionary(uniqueKeysWithValues: questions.map { ($0.id ?? 0, $0.type) })
        let labels = Dictionary(uniqueKeysWithValues: detail.options.values.joined().map { ($0.id ?? 0, $0.label.resolve(locale, fallbacks: [])) })
        let header = ["response", "receipt", "submitted_at", "locale"] + questions.map { $0.title.resolve(locale, fallbacks: Array($0.title.values.keys).sorted()) }
        var rows: [[String]] = []
        var current: (id: Int64, cells: [String], ranks: [Int: [(Int, String)]])?
        func finish() {
            guard var row = current else { return }
            for (index, ranked) in row.ranks { row.cells[4 + index] = ranked.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " > ") }
            rows.append(row.cells)
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT r.id, r.receipt, r.submitted_at, r.locale, a.question_id, a.option_id, a.number, a.text, a.hidden_at
            FROM consultation_response r LEFT JOIN consultation_answer a ON a.response_id = r.id
            WHERE r.consultation_id = ? ORDER BY r.id, a.id
            """, arguments: [detail.consultation.id])
        while let row = try cursor.next() {
            let responseID: Int64 = row["id"]
            if current?.id != responseID {
                finish()
                let submitted: Date = row["submitted_at"]
                current = (responseID, [String(responseID), row["receipt"], submitted.formatted(.iso8601), row["locale"]]
                           + Array(repeating: "", count: questions.count), [:])
            }
            guard let questionID: Int64 = row["question_id"], let index = column[questionID], let type = types[questionID] else { continue }
            let cell: String
            switch type {
            case .shortText, .longText: cell = (row["hidden_at"] as Date?) == nil ? row["text"] ?? "" : "[hidden by moderation]"
            case .single, .multiple: cell = labels[row["option_id"] ?? 0] ?? ""
            case .scale: cell = (row["number"] as Int?).map(String.init) ?? ""
            case .yesNo: cell = (row["number"] as Int?) == 1 ? "yes" : "no"
            case .ranking:
                current?.ranks[index, default: []].append((row["number"] ?? 0, labels[row["option_id"] ?? 0] ?? ""))
                continue
            case .section: continue
            }
            let existing = current?.cells[4 + index] ?? ""
            current?.cells[4 + index] = existing.isEmpty ? cell : existing + "; " + cell
        }
        finish()
        return CSV.document(header: header, rows: rows)
    }
}
