import CivicSDK
import Foundation
import Testing

@Suite struct FigureMomentTests {
    static let tenant = Tenant(slug: "t", kind: .commune, parentSlug: nil, name: ["fr": "T"], locales: ["fr"])

    @Test func aMonthEndsAtMidnightInTheTenantsZone() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-01T10:00:00Z"))
        let november = try #require(FigureMoment.endOf(month: "2026-11", Self.tenant, now: now))
        #expect(november.day == "2026-11-30")
        #expect(!november.isNow)
        // Casablanca is UTC+1: 1 December 00:00 there is 30 November 23:00 UTC
        #expect(november.end == ISO8601DateFormatter().date(from: "2026-11-30T23:00:00Z"))
        let february = try #require(FigureMoment.endOf(month: "2024-02", Self.tenant, now: now))
        #expect(february.day == "2024-02-29")
    }

    @Test func theCurrentMonthEndsNow() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-01T10:00:00Z"))
        let december = try #require(FigureMoment.endOf(month: "2026-12", Self.tenant, now: now))
        #expect(december.isNow)
        #expect(december.end == now)
        #expect(december.day == "2026-12-01")
    }

    @Test func somethingThatIsNoMonthOrDayIsRefused() {
        #expect(FigureMoment.endOf(month: "2026-13", Self.tenant) == nil)
        #expect(FigureMoment.endOf(day: "2026-02-30", Self.tenant) == nil)
    }
}
