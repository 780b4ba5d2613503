import CivicSDK
import Foundation
import GRDB
import Synchronization

/// A tenant's figures: each enabled module's indicators and the host's figures on citizen input,
/// read in one transaction, now or at the end of any past day. Figures only move when content
/// changes (or, for late activities and deadlines, when the day changes): the live ones and the
/// dashboard's history are computed once per content version and day, then reused.
struct HostFigures: FigureService {
    let directory: ModuleDirectory
    let versions: ContentVersions
    private let memo = Memo()

    /// A figure's monthly values, oldest first.
    struct Series: Sendable {
        let id: String
        let points: [Point]
    }

    struct Point: Sendable, Equatable {
        let month: String
        let value: Double
    }

    /// What is kept per tenant, valid while its key (content version and day) holds, with the tables
    /// computing it read: a page that reuses a value read them too (see ``ReadLedger``).
    private final class Memo: Sendable {
        private let entries = Mutex<[String: (key: String, values: [String: (value: any Sendable, reads: Set<String>)])]>([:])

        func value<T: Sendable>(_ slug: String, key: String, name: String, compute: () async throws -> T) async rethrows -> T {
            if let known = entries.withLock({ $0[slug].flatMap { $0.key == key ? $0.values[name] : nil } }), let value = known.value as? T {
                ReadLedger.replay(known.reads)
                return value
            }
            let (value, reads) = try await ReadLedger.recording(compute)
            entries.withLock { entries in
                if entries[slug]?.key != key { entries[slug] = (key, [:]) }
                entries[slug]?.values[name] = (value, reads)
            }
            return value
        }
    }

    private func key(_ tenant: Tenant) -> String { "\(versions.current(tenant.slug))|\(tenant.today)" }

    func live(_ context: CivicContext) async throws -> [String: Indicator] {
        try await live(context.tenant, database: context.database)
    }

    func figures(_ context: CivicContext, at moment: FigureMoment) async throws -> [String: Indicator] {
        try await figures(context.tenant, database: context.database, at: moment)
    }

    /// The figures of `tenant` at `moment`, by id. A past day's are kept like the live ones (per content
    /// version and day): a commitment's page asks for its linked figures at each year's end on every render.
    func figures(_ tenant: Tenant, database: TenantDatabase, at moment: FigureMoment) async throws -> [String: Indicator] {
        guard !moment.isNow else { return try await live(tenant, database: database) }
        let enabled = directory.enabled(tenant.slug)
        return try await memo.value(tenant.slug, key: key(tenant), name: "at.\(moment.day)") {
            try await database.read { db in try Self.figures(db, tenant, enabled, at: moment) }
        }
    }

    /// The figures of `tenant` now, by id.
    func live(_ tenant: Tenant, database: TenantDatabase) async throws -> [String: Indicator] {
        let enabled = directory.enabled(tenant.slug)
        return try await memo.value(tenant.slug, key: key(tenant), name: "live") {
            try await database.read { db in try Self.figures(db, tenant, enabled, at: .now(tenant)) }
        }
    }

    /// Each figure's value at the end of every month of `year` up to now, or of the last twelve months
    /// when `year` is `nil`; a figure that did not exist yet in a month has no point there.
    func history(_ tenant: Tenant, database: TenantDatabase, year: Int?) async throws -> [Series] {
        let enabled = directory.enabled(tenant.slug)
        return try await memo.value(tenant.slug, key: key(tenant), name: "history.\(year.map(String.init) ?? "last")") {
            let moments = Self.months(year: year, today: tenant.today).compactMap { FigureMoment.endOf(month: $0, tenant) }
            return try await database.read { db in
                var order: [String] = []
                var points: [String: [Point]] = [:]
                for moment in moments {
                    for (id, figure) in try Self.figures(db, tenant, enabled, at: moment).sorted(by: { $0.key < $1.key }) {
                        if points[id] == nil { order.append(id) }
                        points[id, default: []].append(Point(month: moment.month, value: figure.value))
                    }
                }
                return order.map { Series(id: $0, points: points[$0] ?? []) }
            }
        }
    }

    /// The years the history can show, newest first: this year, and each earlier year whose end
    /// already had a figure above zero (ten at most).
    func years(_ tenant: Tenant, database: TenantDatabase) async throws -> [Int] {
        let enabled = directory.enabled(tenant.slug)
        return try await memo.value(tenant.slug, key: key(tenant), name: "years") {
            let current = Int(tenant.today.prefix(4)) ?? 2000
            return try await database.read { db in
                var years = [current]
                for year in stride(from: current - 1, to: current - 11, by: -1) {
                    guard let moment = FigureMoment.endOf(day: "\(year)-12-31", tenant),
                          try Self.figures(db, tenant, enabled, at: moment).values.contains(where: { $0.value != 0 }) else { break }
                    years.append(year)
                }
                return years
            }
        }
    }

    /// `YYYY-MM` of each month of `year` up to today's, or of the twelve months ending today's.
    static func months(year: Int?, today: String) -> [String] {
        guard let thisYear = Int(today.prefix(4)), let thisMonth = Int(today.dropFirst(5).prefix(2)) else { return [] }
        if let year {
            guard year <= thisYear else { return [] }
            return (1...(year == thisYear ? thisMonth : 12)).map { String(format: "%04d-%02d", year, $0) }
        }
        return (0..<12).reversed().map { back in
            let index = thisYear * 12 + (thisMonth - 1) - back
            return String(format: "%04d-%02d", index / 12, index % 12 + 1)
        }
    }

    private static func figures(_ db: Database, _ tenant: Tenant, _ enabled: [any CivicModule], at moment: FigureMoment) throws -> [String: Indicator] {
        let figures = try FeedbackStats.load(db, before: moment.isNow ? nil : moment.end).indicators
            + enabled.flatMap { try $0.indicators(db, tenant, at: moment) }
        return Dictionary(figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
