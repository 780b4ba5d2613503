import CivicSDK
import Foundation
import GRDB
import Testing
@testable import Consultations

/// Validation of every question type, and results counted in SQL against a count made by hand.
@Suite struct AnswerSheetTests {
    static func question(_ id: Int64, _ type: QuestionType, required: Bool = false, min: Int = 0, max: Int = 0, scale: (Int, Int) = (1, 5)) -> Question {
        Question(id: id, consultationID: 1, position: Int(id), type: type, title: ["fr": "Q\(id)"], help: [:], required: required,
                 minChoices: min, maxChoices: max, scaleMin: scale.0, scaleMax: scale.1)
    }

    static func options(_ question: Int64, _ ids: [Int64]) -> [QuestionOption] {
        ids.enumerated().map { QuestionOption(id: $0.element, questionID: question, position: $0.offset, label: ["fr": "O\($0.element)"]) }
    }

    static func sheet(_ fields: [(String, String)], _ questions: [Question], _ options: [Int64: [QuestionOption]] = [:]) throws -> AnswerSheet {
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
        return AnswerSheet(form: try FormData(urlEncoded: body), questions: questions, options: options)
    }

    @Test func textAnswersAreTrimmedRequiredAndBounded() throws {
        let questions = [Self.question(1, .shortText, required: true), Self.question(2, .longText)]
        let missing = try Self.sheet([("q1", "   ")], questions)
        #expect(missing.errors[1]?.key == "consultations.answer_error.required")
        #expect(missing.errors[2] == nil)
        let long = try Self.sheet([("q1", String(repeating: "x", count: 301))], questions)
        #expect(long.errors[1] == .init(key: "consultations.answer_error.too_long", count: 300))
        let fine = try Self.sheet([("q1", " Oui "), ("q2", String(repeating: "y", count: 4_000))], questions)
        #expect(fine.errors.isEmpty)
        #expect(fine.values.map(\.text) == ["Oui", String(repeating: "y", count: 4_000)])
    }

    @Test func singleChoiceMustBeAnOfferedOption() throws {
        let questions = [Self.question(1, .single, required: true)]
        let options = [Int64(1): Self.options(1, [10, 11])]
        #expect(try Self.sheet([("q1", "12")], questions, options).errors[1]?.key == "consultations.answer_error.invalid_choice")
        #expect(try Self.sheet([("q1", "abc")], questions, options).errors[1]?.key == "consultations.answer_error.invalid_choice")
        #expect(try Self.sheet([], questions, options).errors[1]?.key == "consultations.answer_error.required")
        #expect(try Self.sheet([("q1", "11")], questions, options).values == [.init(questionID: 1, optionID: 11)])
    }

    @Test func multipleChoiceHonoursMinAndMax() throws {
        let questions = [Self.question(1, .multiple, min: 2, max: 3)]
        let options = [Int64(1): Self.options(1, [1, 2, 3, 4])]
        #expect(try Self.sheet([("q1", "1")], questions, options).errors[1] == .init(key: "consultations.answer_error.too_few", count: 2))
        #expect(try Self.sheet([("q1", "1"), ("q1", "2"), ("q1", "3"), ("q1", "4")], questions, options).errors[1]
                == .init(key: "consultations.answer_error.too_many", count: 3))
        #expect(try Self.sheet([("q1", "1"), ("q1", "9")], questions, options).errors[1]?.key == "consultations.answer_error.invalid_choice")
        // not required: no answer at all is fine, whatever the minimum
        #expect(try Self.sheet([], questions, options).errors.isEmpty)
        let chosen = try Self.sheet([("q1", "3"), ("q1", "1"), ("q1", "3")], questions, options)
        #expect(chosen.errors.isEmpty)
        #expect(chosen.values.map(\.optionID) == [1, 3])
    }

    @Test func scaleAcceptsOnlyItsRange() throws {
        let five = [Self.question(1, .scale, required: true)], ten = [Self.question(2, .scale, scale: (0, 10))]
        #expect(try Self.sheet([("q1", "0")], five).errors[1]?.key == "consultations.answer_error.invalid_scale")
        #expect(try Self.sheet([("q1", "6")], five).errors[1]?.key == "consultations.answer_error.invalid_scale")
        #expect(try Self.sheet([("q1", "5")], five).values == [.init(questionID: 1, number: 5)])
        #expect(try Self.sheet([("q2", "0")], ten).values == [.init(questionID: 2, number: 0)])
        #expect(try Self.sheet([("q2", "10")], ten).errors.isEmpty)
    }

    @Test func yesNoTakesOnlyYesOrNo() throws {
        let questions = [Self.question(1, .yesNo, required: true)]
        #expect(try Self.sheet([("q1", "maybe")], questions).errors[1]?.key == "consultations.answer_error.invalid_choice")
        #expect(try Self.sheet([("q1", "no")], questions).values == [.init(questionID: 1, number: 0)])
        #expect(try Self.sheet([("q1", "yes")], questions).values == [.init(questionID: 1, number: 1)])
    }

    @Test func rankingNeedsADistinctPositionForEveryOption() throws {
        let questions = [Self.question(1, .ranking, required: true)]
        let options = [Int64(1): Self.options(1, [1, 2, 3])]
        #expect(try Self.sheet([], questions, options).errors[1]?.key == "consultations.answer_error.required")
        #expect(try Self.sheet([("q1-1", "1"), ("q1-2", "1"), ("q1-3", "2")], questions, options).errors[1]
                == .init(key: "consultations.answer_error.ranking_incomplete", count: 3))
        #expect(try Self.sheet([("q1-1", "1"), ("q1-2", "2")], questions, options).errors[1]?.key == "consultations.answer_error.ranking_incomplete")
        #expect(try Self.sheet([("q1-1", "1"), ("q1-2", "2"), ("q1-3", "4")], questions, options).errors[1]?.key
                == "consultations.answer_error.invalid_choice")
        let ranked = try Self.sheet([("q1-1", "3"), ("q1-2", "1"), ("q1-3", "2")], questions, options)
        #expect(ranked.errors.isEmpty)
        #expect(ranked.values.map { [$0.optionID ?? 0, Int64($0.number ?? 0)] } == [[1, 3], [2, 1], [3, 2]])
    }

    @Test func sectionsTakeNoAnswer() throws {
        let sheet = try Self.sheet([("q1", "anything")], [Self.question(1, .section, required: true)])
        #expect(sheet.errors.isEmpty && sheet.values.isEmpty)
    }

    /// 10,000 random respondents on the sample consultation: SQL aggregates equal a count in Swift.
    @Test func resultsAggregationMatchesTheRawAnswers() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        var migrations = ModuleMigrations(moduleID: "consultations")
        ConsultationsModule.manifest.migrations(&migrations)
        for migration in migrations.list { migrator.registerMigration(migration.id, migrate: migration.body) }
        try migrator.migrate(queue)
        var generator = SystemRandomNumberGenerator()
        var expected: [String: Int] = [:]
        let detail = try queue.write { db -> ConsultationDetail in
            try db.execute(sql: "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at, account_id, actor_name, module, action, item_type, item_id, summary, changes)")
            try ConsultationSample.install(db)
            let detail = try #require(try ConsultationDetail.load(db, id: 1))
            let insert = try db.makeStatement(sql: "INSERT INTO consultation_answer (response_id, question_id, option_id, number, text) VALUES (?, ?, ?, ?, ?)")
            for person in 1...10_000 {
                try db.execute(sql: "INSERT INTO consultation_response (consultation_id, respondent, receipt, locale, submitted_at) VALUES (1, ?, ?, 'fr', ?)",
                               arguments: ["visitor:\(person)", "r\(person)", Date()])
                let response = db.lastInsertedRowID
                for question in detail.answerable where Bool.random(using: &generator) || question.required {
                    let qid = question.id ?? 0
                    let options = detail.options[qid] ?? []
                    switch question.type {
                    case .multiple:
                        for option in options.shuffled(using: &generator).prefix(Int.random(in: 1...2, using: &generator)) {
                            try insert.execute(arguments: [response, qid, option.id, nil, nil])
                            expected["\(qid)/o\(option.id ?? 0)", default: 0] += 1
                        }
                    case .ranking:
                        for (rank, option) in options.shuffled(using: &generator).enumerated() {
                            try insert.execute(arguments: [response, qid, option.id, rank + 1, nil])
                            expected["\(qid)/o\(option.id ?? 0)", default: 0] += options.count - rank
                            if rank == 0 { expected["\(qid)/first\(option.id ?? 0)", default: 0] += 1 }
                        }
                    case .scale, .yesNo:
                        let value = question.type == .scale ? Int.random(in: 1...5, using: &generator) : Int.random(in: 0...1, using: &generator)
                        try insert.execute(arguments: [response, qid, nil, value, nil])
                        expected["\(qid)/n\(value)", default: 0] += 1
                    case .longText, .shortText:
                        try insert.execute(arguments: [response, qid, nil, nil, "avis \(person)"])
                        expected["\(qid)/texts", default: 0] += 1
                    case .single, .section:
                        break
                    }
                    expected["\(qid)/people", default: 0] += 1
                }
            }
            return try #require(try ConsultationDetail.load(db, id: 1))
        }
        let results = try queue.read { db in try ConsultationResults.load(db, detail: detail) }
        #expect(results.responses == 10_000)
        for result in results.questions {
            let qid = result.question.id ?? 0
            #expect(result.respondents == expected["\(qid)/people", default: 0])
            switch result.question.type {
            case .multiple:
                for (option, line) in zip(detail.options[qid] ?? [], result.lines) { #expect(line.count == expected["\(qid)/o\(option.id ?? 0)", default: 0]) }
            case .ranking:
                for (option, line) in zip(detail.options[qid] ?? [], result.lines) {
                    #expect(line.count == expected["\(qid)/o\(option.id ?? 0)", default: 0])
                    #expect(line.firsts == expected["\(qid)/first\(option.id ?? 0)", default: 0])
                }
            case .scale:
                for (value, line) in zip(1...5, result.lines) { #expect(line.count == expected["\(qid)/n\(value)", default: 0]) }
                #expect(result.lines.map(\.percent).reduce(0, +) >= 98)
            case .yesNo:
                #expect(result.lines.map(\.count) == [expected["\(qid)/n1", default: 0], expected["\(qid)/n0", default: 0]])
            case .longText, .shortText:
                #expect(result.textCount == expected["\(qid)/texts", default: 0])
                #expect(result.texts.count == min(ConsultationResults.textsShown, result.textCount))
            case .single, .section:
                break
            }
        }
    }
}
