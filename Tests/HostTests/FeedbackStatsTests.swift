import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Testing
@testable import OpenCommune

/// The public figures on citizen input, against hand-counted data.
@Suite struct FeedbackStatsTests {
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try CoreSchema.migrator.migrate(queue)
        return queue
    }

    static func add(_ db: Database, kind: FeedbackKind, channel: FeedbackChannel = .online, day: String, answeredAfterDays: Double? = nil,
                    outcome: FeedbackOutcome = .adopted, hidden: Bool = false) throws {
        let received = ISO8601DateFormatter().date(from: "\(day)T10:00:00Z")!
        let id = try FeedbackStore.insert(db, NewFeedback(module: "pages", item: "page:a", kind: kind, body: "\(kind) \(day) \(UUID())", accountID: nil,
                                                          authorName: "A", authorContact: "", locale: "fr", channel: channel, enteredBy: nil,
                                                          receivedAt: received, clientKey: ""))
        if let days = answeredAfterDays {
            try FeedbackStore.respond(db, id: id, outcome: outcome, reason: ["fr": "r"], target: nil, accountID: nil, responderName: "S",
                                      now: received.addingTimeInterval(days * 86_400))
        }
        if hidden { try FeedbackStore.hide(db, id: id, reason: "x", by: nil) }
    }

    @Test func countsRateMedianAndMonths() throws {
        let stats = try Self.database().write { db in
            try Self.add(db, kind: .suggestion, day: "2026-01-10", answeredAfterDays: 2)
            try Self.add(db, kind: .suggestion, channel: .hearing, day: "2026-01-20", answeredAfterDays: 10, outcome: .notAdopted)
            try Self.add(db, kind: .suggestion, channel: .paper, day: "2026-02-01", answeredAfterDays: 4)
            try Self.add(db, kind: .suggestion, day: "2026-02-03")
            try Self.add(db, kind: .comment, day: "2026-02-05", hidden: true)
            return try FeedbackStats.load(db)
        }
        #expect(stats.received == 5)
        #expect(stats.suggestions == 4)
        #expect(stats.comments == 1)
        #expect(stats.hidden == 1)
        #expect(stats.answered == 3)
        #expect(stats.responseRate == 75)
        #expect(abs((stats.medianResponseDays ?? 0) - 4) < 0.001)
        #expect(stats.byChannel[.online] == 3 && stats.byChannel[.hearing] == 1 && stats.byChannel[.paper] == 1)
        #expect(stats.byOutcome[.adopted] == 2 && stats.byOutcome[.notAdopted] == 1)
        #expect(stats.months.map(\.month) == ["2026-01", "2026-02"])
        #expect(stats.months.map(\.received) == [2, 3])
        #expect(stats.months.map(\.answered) == [2, 1])
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddlePair() throws {
        let stats = try Self.database().write { db in
            for days in [1.0, 3, 5, 100] { try Self.add(db, kind: .suggestion, day: "2026-03-01", answeredAfterDays: days) }
            return try FeedbackStats.load(db)
        }
        #expect(abs((stats.medianResponseDays ?? 0) - 4) < 0.001)
    }

    @Test func nothingReceivedGivesZerosNotErrors() throws {
        let stats = try Self.database().read { db in try FeedbackStats.load(db) }
        #expect(stats.received == 0 && stats.responseRate == 0 && stats.medianResponseDays == nil && stats.months.isEmpty)
    }

    @Test func sameOriginComesFromFetchMetadataOrOrigin() {
        func request(_ fields: HTTPFields, authority: String = "example.org") -> Request {
            Request(head: HTTPRequest(method: .post, scheme: "http", authority: authority, path: "/x", headerFields: fields), body: .init(buffer: .init()))
        }
        let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
        #expect(RequestForm.isSameOrigin(request([fetchSite: "same-origin"])))
        #expect(!RequestForm.isSameOrigin(request([fetchSite: "cross-site", .origin: "http://example.org"])))
        #expect(RequestForm.isSameOrigin(request([.origin: "http://example.org"])))
        #expect(!RequestForm.isSameOrigin(request([.origin: "http://evil.test"])))
        #expect(!RequestForm.isSameOrigin(request([:])))
    }

    @Test func duplicateBodiesIgnoreCaseAndSpacing() {
        #expect(FeedbackStore.bodyHash("Plus  d’arbres\n") == FeedbackStore.bodyHash("plus d’arbres"))
        #expect(FeedbackStore.bodyHash("Plus d’arbres") != FeedbackStore.bodyHash("Moins d’arbres"))
    }
}
