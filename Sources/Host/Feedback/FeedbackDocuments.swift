import CivicSDK
import Foundation

/// `GET {root}/api/v1/feedback/stats`: figures on citizen input.
struct FeedbackStatsDocument: Encodable {
    struct Month: Encodable {
        let month: String, received: Int, answered: Int
    }

    let received: Int, comments: Int, suggestions: Int, hidden: Int, answered: Int, responseRatePercent: Int
    /// `null` while nothing was answered.
    let medianResponseDays: Double?
    let byChannel: [String: Int], byOutcome: [String: Int], months: [Month]

    enum CodingKeys: String, CodingKey {
        case received, comments, suggestions, hidden, answered, months
        case responseRatePercent = "response_rate_percent", medianResponseDays = "median_response_days"
        case byChannel = "by_channel", byOutcome = "by_outcome"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(received, forKey: .received)
        try container.encode(comments, forKey: .comments)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(hidden, forKey: .hidden)
        try container.encode(answered, forKey: .answered)
        try container.encode(responseRatePercent, forKey: .responseRatePercent)
        try container.encode(medianResponseDays, forKey: .medianResponseDays)
        try container.encode(byChannel, forKey: .byChannel)
        try container.encode(byOutcome, forKey: .byOutcome)
        try container.encode(months, forKey: .months)
    }
}

/// `GET {root}/api/v1/feedback/thread`: the public thread of one item; hidden entries keep their place, without their text.
struct FeedbackThreadDocument: Encodable {
    struct Entry: Encodable {
        let id: Int64, kind: String, author: String, channel: String, receivedAt: String, hidden: Bool
        /// A proposal's title, and the text; `null` when hidden.
        let title: String?, body: String?
        let edited: Bool
        let response: Answer?

        enum CodingKeys: String, CodingKey { case id, kind, author, channel, hidden, title, body, edited, response, receivedAt = "received_at" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(author, forKey: .author)
            try container.encode(channel, forKey: .channel)
            try container.encode(receivedAt, forKey: .receivedAt)
            try container.encode(hidden, forKey: .hidden)
            try container.encodeIfPresent(title, forKey: .title)
            try container.encode(body, forKey: .body)
            try container.encode(edited, forKey: .edited)
            try container.encodeIfPresent(response, forKey: .response)
        }
    }

    struct Answer: Encodable {
        /// `reason`: the answer in each language it was given in.
        let outcome: String, reason: LocalizedText
        /// `null` when the answer names no item it changed.
        let target: String?
        let respondedAt: String

        enum CodingKeys: String, CodingKey { case outcome, reason, target, respondedAt = "responded_at" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(reason, forKey: .reason)
            try container.encode(target, forKey: .target)
            try container.encode(respondedAt, forKey: .respondedAt)
        }
    }

    let module: String, item: String, entries: [Entry]
}

/// `GET {root}/api/v1/feedback`: every public comment and suggestion with its answer, newest first.
struct FeedbackListDocument: Encodable {
    struct Entry: Encodable {
        let id: Int64
        /// `module:item`, and the item's name in each language.
        let subject: String, subjectTitle: LocalizedText
        let kind: String, channel: String
        /// The language the text is written in.
        let language: String
        let receivedAt: String
        /// A proposal's title, absent for anything else.
        let title: String?
        let body: String, edited: Bool
        /// `null` while unanswered.
        let response: FeedbackThreadDocument.Answer?

        enum CodingKeys: String, CodingKey {
            case id, subject, kind, channel, language, title, body, edited, response
            case subjectTitle = "subject_title", receivedAt = "received_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(subject, forKey: .subject)
            try container.encode(subjectTitle, forKey: .subjectTitle)
            try container.encode(kind, forKey: .kind)
            try container.encode(channel, forKey: .channel)
            try container.encode(language, forKey: .language)
            try container.encode(receivedAt, forKey: .receivedAt)
            try container.encodeIfPresent(title, forKey: .title)
            try container.encode(body, forKey: .body)
            try container.encode(edited, forKey: .edited)
            try container.encode(response, forKey: .response)
        }
    }

    let entries: [Entry]
}
