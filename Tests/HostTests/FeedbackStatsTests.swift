import CivicSDK
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

    static func add(_ db: Database, kind: FeedbackKind, channel: FeedbackChannel = .online, day: String, time: String = "10:00:00", answeredAfterDays: Double? = nil,
                    outcome: FeedbackOutcome = .adopted, hidden: Bool = false) throws {
        let received = ISO8601DateFormatter().date(from: "\(day)T\(time)Z")!
        let id = try FeedbackStore.insert(db, NewFeedback(module: "pages", item: "page:a", kind: kind, body: "\(kind) \(day) \(UUID())", accountID: nil,
                                                          authorName: "A", authorContact: "", locale: "fr", channel: channel, enteredBy: nil,
                                                          receivedAt: received, clientKey: ""))
        if let days = answeredAfterDays {
            try FeedbackStore.respond(db, id: id, outcome: outcome, reason: ["fr": "r"], target: nil, accountID: nil, responderName: "S",
                                      now: received.addingTimeInterval(days * 86_400))
        }
        if hidden { try FeedbackStore.hide(db, id: id, reason: "x", by: nil) }
    }

    static let tenant = Tenant(slug: "t", kind: .commune, parentSlug: nil, name: ["fr": "T"], locales: ["fr"])
    static let now = ISO8601DateFormatter().date(from: "2026-06-01T12:00:00Z")!

    @Test func countsRateMedianAndMonths() throws {
        let queue = try Self.database()
        let stats = try queue.write { db in
            try Self.add(db, kind: .suggestion, day: "2026-01-10", answeredAfterDays: 2)
            try Self.add(db, kind: .suggestion, channel: .hearing, day: "2026-01-20", answeredAfterDays: 10, outcome: .notAdopted)
            try Self.add(db, kind: .suggestion, channel: .paper, day: "2026-02-01", answeredAfterDays: 4)
            try Self.add(db, kind: .suggestion, day: "2026-02-03")
            try Self.add(db, kind: .comment, day: "2026-02-05", hidden: true)
            return try FeedbackStats.load(db)
        }
        let months = try queue.read { db in try FeedbackStats.months(db, tenant: Self.tenant, now: Self.now) }
        #expect(stats.received == 5)
        #expect(stats.suggestions == 4)
        #expect(stats.comments == 1)
        #expect(stats.hidden == 1)
        #expect(stats.answered == 3)
        #expect(stats.responseRate == 75)
        #expect(abs((stats.medianResponseDays ?? 0) - 4) < 0.001)
        #expect(stats.byChannel[.online] == 3 && stats.byChannel[.hearing] == 1 && stats.byChannel[.paper] == 1)
        #expect(stats.byOutcome[.adopted] == 2 && stats.byOutcome[.notAdopted] == 1)
        #expect(months.map(\.month) == ["2026-01", "2026-02"])
        #expect(months.map(\.received) == [2, 3])
        #expect(months.map(\.answered) == [2, 1])
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
        #expect(stats.received == 0 && stats.responseRate == 0 && stats.medianResponseDays == nil)
        #expect(try Self.database().read { db in try FeedbackStats.months(db, tenant: Self.tenant, now: Self.now) }.isEmpty)
    }

    @Test func monthsAreTheTenantsAsTheDashboardCountsThem() throws {
        // 31 January 23:30 UTC is 1 February 00:30 in Casablanca (UTC+1)
        let months = try Self.database().write { db in
            try Self.add(db, kind: .suggestion, day: "2026-01-31", time: "23:30:00")
            return try FeedbackStats.months(db, tenant: Self.tenant, now: Self.now)
        }
        #expect(months.map(\.month) == ["2026-02"])
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
