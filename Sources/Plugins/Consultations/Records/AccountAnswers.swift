import Foundation

/// One consultation an account answered, as its data download writes it.
struct AccountAnswers: Encodable {
    struct Answer: Encodable {
        /// The question and the chosen option, in every language they were written in.
        let question: [String: String], option: [String: String]?
        /// A scale value, rank or yes (1) / no (0).
        let number: Int?
        let text: String?
    }

    let consultation: [String: String]
    let receipt: String
    let submittedAt: Date
    let language: String
    let answers: [Answer]

    enum CodingKeys: String, CodingKey {
        case consultation, receipt, language, answers
        case submittedAt = "submitted_at"
    }
}
