import CivicSDK
import GRDB

/// A consultation with its questions and their options, read in three queries.
struct ConsultationDetail: Sendable {
    let consultation: Consultation
    let questions: [Question]
    /// Options by question id, in order.
    let options: [Int64: [QuestionOption]]
    let responses: Int

    static func load(_ db: Database, id: Int64) throws -> ConsultationDetail? {
        guard let consultation = try Consultation.fetchOne(db, key: id) else { return nil }
        let questions = try Question.filter(Question.Columns.consultationID == id).order(Question.Columns.position, Question.Columns.id).fetchAll(db)
        let options = try QuestionOption
            .filter(sql: "question_id IN (SELECT id FROM consultation_question WHERE consultation_id = ?)", arguments: [id])
            .order(QuestionOption.Columns.position, QuestionOption.Columns.id).fetchAll(db)
        let responses = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consultation_response WHERE consultation_id = ?", arguments: [id]) ?? 0
        return ConsultationDetail(consultation: consultation, questions: questions, options: Dictionary(grouping: options, by: \.questionID),
                                  responses: responses)
    }

    /// Questions that take an answer (not section headings).
    var answerable: [Question] { questions.filter { $0.type != .section } }
}
