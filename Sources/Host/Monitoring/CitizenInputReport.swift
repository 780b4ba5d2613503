import CivicSDK
import Foundation
import GRDB

/// The monitoring report's section on citizen input over a period: what was received, by channel
/// (offline input counts on the day it was received), and what came of the suggestions received —
/// answered by the period's end, by outcome, each with its reasoned answer.
enum CitizenInputReport {
    static func section(_ db: Database, range: (from: Date, to: Date), writer: MonitoringWriter) throws -> MonitoringSection {
        let arguments: StatementArguments = ["from": range.from, "to": range.to]
        let received = "SELECT * FROM feedback WHERE received_at >= :from AND received_at < :to"
        let byChannel = try Row.fetchAll(db, sql: """
            SELECT channel, COUNT(*) AS n, COALESCE(SUM(kind = 'suggestion'), 0) AS suggestions FROM (\(received)) GROUP BY channel
            """, arguments: arguments)
        let total = byChannel.map { $0["n"] as Int }.reduce(0, +)
        let suggestions = byChannel.map { $0["suggestions"] as Int }.reduce(0, +)
        let answers = try Row.fetchAll(db, sql: """
            SELECT f.received_at, f.body, f.module, f.item, r.outcome, r.reason, r.responded_at
            FROM (\(received)) f JOIN feedback_response r ON r.feedback_id = f.id
            WHERE f.kind = 'suggestion' AND f.hidden_at IS NULL AND r.responded_at < :to ORDER BY f.received_at
            """, arguments: arguments)
        let channelName = { (raw: String) in FeedbackChannel(rawValue: raw).flatMap { FeedbackStats.channelNames[$0] }.map(writer.localized) ?? raw }
        let outcomeName = { (raw: String) in FeedbackOutcome(rawValue: raw).flatMap { FeedbackStats.outcomeNames[$0] }.map(writer.localized) ?? raw }
        var outcomes: [String: Int] = [:]
        for answer in answers { outcomes[answer["outcome"], default: 0] += 1 }
        let rate = suggestions == 0 ? 0 : Int((Double(answers.count) * 100 / Double(suggestions)).rounded())
        return MonitoringSection(
            title: writer.text("monitoring.input.title"),
            paragraphs: [writer.fill("monitoring.input.summary", ["total": writer.number(Double(total), fractionDigits: 0),
                                                                   "suggestions": writer.number(Double(suggestions), fractionDigits: 0),
                                                                   "answered": writer.number(Double(answers.count), fractionDigits: 0),
                                                                   "rate": writer.percent(rate)])],
            tables: [
                .init(caption: writer.text("monitoring.input.by_channel"), header: [writer.text("monitoring.input.channel"), writer.text("monitoring.input.received"),
                                                                                   writer.text("monitoring.input.suggestions")],
                      rows: byChannel.map { [.init(channelName($0["channel"])), .init(writer.number(Double($0["n"] as Int), fractionDigits: 0)),
                                             .init(writer.number(Double($0["suggestions"] as Int), fractionDigits: 0))] }),
                .init(caption: writer.text("monitoring.input.by_outcome"), header: [writer.text("monitoring.input.outcome"), writer.text("monitoring.input.count")],
                      rows: FeedbackOutcome.allCases.compactMap { outcome in
                          outcomes[outcome.rawValue].map { [.init(outcomeName(outcome.rawValue)), .init(writer.number(Double($0), fractionDigits: 0))] }
                      }),
                .init(caption: writer.text("monitoring.input.answers"), header: [writer.text("monitoring.input.received_on"), writer.text("monitoring.input.suggestion"),
                                                                                 writer.text("monitoring.input.outcome"), writer.text("monitoring.input.reason")],
                      rows: answers.map { row in
                          [.init(writer.dates.day(row["received_at"] as Date).text),
                           .init(Self.excerpt(row["body"]), href: HostRoute.feedback(module: row["module"], item: row["item"]).path(writer.root)),
                           .init(outcomeName(row["outcome"])), .init(Self.excerpt(row["reason"]))]
                      }),
            ])
    }

    /// At most 280 characters of `text`, cut at a word.
    static func excerpt(_ text: String) -> String {
        guard text.count > 280 else { return text }
        let cut = text.prefix(280)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
}
