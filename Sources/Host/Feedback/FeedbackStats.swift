import CivicSDK
import Foundation
import GRDB

/// Public figures on citizen input: what was received, how, what came of it, and how fast staff answer.
/// Computed in SQL, so the cost does not grow with what a page shows.
struct FeedbackStats: Sendable {
    struct Month: Sendable {
        let month: String
        let received: Int
        let answered: Int
    }

    var received = 0
    var comments = 0
    var suggestions = 0
    var hidden = 0
    /// Suggestions that have a reasoned answer.
    var answered = 0
    var byChannel: [FeedbackChannel: Int] = [:]
    var byOutcome: [FeedbackOutcome: Int] = [:]
    /// Median days between receiving a suggestion and answering it.
    var medianResponseDays: Double?

    /// Share of suggestions answered, in percent (0 when none was received).
    var responseRate: Int { suggestions == 0 ? 0 : Int((Double(answered) * 100 / Double(suggestions)).rounded()) }

    /// The figures over everything received before `end` (everything when `nil`), counting answers
    /// and hiding done before it too: the dashboard's months and a report's period are rebuilt from these dates.
    static func load(_ db: Database, before end: Date? = nil) throws -> FeedbackStats {
        var stats = FeedbackStats()
        let end = end ?? .distantFuture
        // feedback received before the end, and its answers given before the end
        let received = "SELECT * FROM feedback WHERE received_at < :end"
        let answers = "SELECT r.* FROM feedback_response r JOIN feedback f ON f.id = r.feedback_id WHERE r.responded_at < :end AND f.received_at < :end"
        let arguments: StatementArguments = ["end": end]
        if let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS received, COALESCE(SUM(kind = 'comment'), 0) AS comments, COALESCE(SUM(kind = 'suggestion'), 0) AS suggestions,
                   COALESCE(SUM(hidden_at < :end), 0) AS hidden,
                   (SELECT COUNT(*) FROM (\(answers)) r JOIN feedback s ON s.id = r.feedback_id WHERE s.kind = 'suggestion') AS answered
            FROM (\(received))
            """, arguments: arguments) {
            stats.received = row["received"]
            stats.comments = row["comments"]
            stats.suggestions = row["suggestions"]
            stats.hidden = row["hidden"]
            stats.answered = row["answered"]
        }
        for row in try Row.fetchAll(db, sql: "SELECT channel, COUNT(*) AS n FROM (\(received)) GROUP BY channel", arguments: arguments) {
            if let channel = FeedbackChannel(rawValue: row["channel"]) { stats.byChannel[channel] = row["n"] }
        }
        for row in try Row.fetchAll(db, sql: "SELECT outcome, COUNT(*) AS n FROM (\(answers)) GROUP BY outcome", arguments: arguments) {
            if let outcome = FeedbackOutcome(rawValue: row["outcome"]) { stats.byOutcome[outcome] = row["n"] }
        }
        stats.medianResponseDays = try Double.fetchOne(db, sql: """
            WITH d AS (SELECT julianday(r.responded_at) - julianday(f.received_at) AS days
                       FROM (\(answers)) r JOIN feedback f ON f.id = r.feedback_id WHERE f.kind = 'suggestion'),
                 n AS (SELECT COUNT(*) AS c FROM d)
            SELECT AVG(days) FROM (SELECT days FROM d ORDER BY days LIMIT 2 - (SELECT c FROM n) % 2 OFFSET ((SELECT c FROM n) - 1) / 2)
            """, arguments: arguments)
        return stats
    }

    /// Received and answered per calendar month of the tenant's time zone (as the dashboard counts
    /// them), oldest first, for the last `count` months that had any input.
    static func months(_ db: Database, tenant: Tenant, count: Int = 24, now: Date = Date()) throws -> [Month] {
        let dates = DateText(locale: tenant.defaultLocale, formats: tenant.formats)
        var received: [String: Int] = [:], answered: [String: Int] = [:]
        // a month is written in the tenant's zone, whose offset may change during the year (Morocco's
        // during Ramadan): each instant is placed in its month here rather than by a fixed offset in SQL
        let since = Calendar(identifier: .gregorian).date(byAdding: .month, value: -(count + 1), to: now) ?? .distantPast
        for row in try Row.fetchAll(db, sql: """
            SELECT f.received_at, r.feedback_id IS NOT NULL AS answered FROM feedback f LEFT JOIN feedback_response r ON r.feedback_id = f.id
            WHERE f.received_at >= ?
            """, arguments: [since]) {
            let month = String(dates.isoDay(row["received_at"] as Date).prefix(7))
            received[month, default: 0] += 1
            if row["answered"] as Bool { answered[month, default: 0] += 1 }
        }
        return received.keys.sorted().suffix(count).map { Month(month: $0, received: received[$0] ?? 0, answered: answered[$0] ?? 0) }
    }

    static let channelNames: [FeedbackChannel: LocalizedText] = [
        .online: ["fr": "en ligne", "ar": "عبر الإنترنت", "en": "online"], .hearing: ["fr": "en audience publique", "ar": "في جلسة عمومية", "en": "at a public hearing"],
        .paper: ["fr": "sur le registre papier", "ar": "في السجل الورقي", "en": "in the paper register"], .email: ["fr": "par e-mail", "ar": "بالبريد الإلكتروني", "en": "by e-mail"],
        .phone: ["fr": "par téléphone", "ar": "بالهاتف", "en": "by phone"],
    ]
    static let outcomeNames: [FeedbackOutcome: LocalizedText] = [
        .adopted: ["fr": "retenues", "ar": "مقبولة", "en": "adopted"], .partlyAdopted: ["fr": "retenues en partie", "ar": "مقبولة جزئيا", "en": "partly adopted"],
        .notAdopted: ["fr": "non retenues", "ar": "غير مقبولة", "en": "not adopted"], .alreadyPlanned: ["fr": "déjà prévues", "ar": "مبرمجة سلفا", "en": "already planned"],
        .outOfScope: ["fr": "hors compétence", "ar": "خارج الاختصاص", "en": "out of scope"],
    ]

    /// The figures other modules (a plan indicator, the dashboard) can read live; by channel and by
    /// outcome as well, so their history is kept too.
    var indicators: [Indicator] {
        let receivedTitle: LocalizedText = ["fr": "Contributions reçues", "ar": "المساهمات المتوصل بها", "en": "Input received"]
        let suggestionsTitle: LocalizedText = ["fr": "Suggestions", "ar": "الاقتراحات", "en": "Suggestions"]
        let details = FeedbackChannel.allCases.map { channel in
            Indicator(id: "feedback.channel.\(channel.rawValue)",
                      title: LocalizedText(receivedTitle.values.merging(Self.channelNames[channel]?.values ?? [:]) { "\($0) \($1)" }),
                      value: Double(byChannel[channel] ?? 0))
        } + FeedbackOutcome.allCases.map { outcome in
            Indicator(id: "feedback.outcome.\(outcome.rawValue)",
                      title: LocalizedText(suggestionsTitle.values.merging(Self.outcomeNames[outcome]?.values ?? [:]) { "\($0) \($1)" }),
                      value: Double(byOutcome[outcome] ?? 0))
        }
        return details + [
            Indicator(id: "feedback.received", title: ["fr": "Commentaires et suggestions reçus", "ar": "التعليقات والاقتراحات المتوصل بها",
                                                       "en": "Comments and suggestions received"], value: Double(received)),
            Indicator(id: "feedback.suggestions", title: ["fr": "Suggestions reçues", "ar": "الاقتراحات المتوصل بها", "en": "Suggestions received"],
                      value: Double(suggestions)),
            // the unit is in the title: a count of days takes its plural form ("1 jour", "يومان"), a unit beside any number cannot
            Indicator(id: "feedback.median_response_days", title: ["fr": "Délai médian de réponse aux suggestions, en jours",
                                                                   "ar": "المدة الوسيطة للرد على الاقتراحات، بالأيام",
                                                                   "en": "Median time to answer a suggestion, in days"],
                      value: ((medianResponseDays ?? 0) * 10).rounded() / 10),
            Indicator(id: "feedback.response_rate", title: ["fr": "Suggestions ayant reçu une réponse", "ar": "الاقتراحات التي تلقت ردا",
                                                            "en": "Suggestions answered"], value: Double(responseRate), unit: ["fr": "%", "ar": "%", "en": "%"]),
        ]
    }
}
