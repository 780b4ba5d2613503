import CivicSDK
import Foundation
import GRDB

/// A frozen version of the published plan, taken when it is revised (e.g. "reorganised into 5
/// commitments at mid-term"), with the reason. Comparing a version with the next one (or with the
/// plan as it is now) shows what the revision added, removed and rescheduled.
struct PlanRevision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan_revision"
    var id: Int64?
    var planID: Int64
    var number: Int
    var reason: LocalizedText
    var snapshot: String
    var author: String
    var createdAt: Date

    /// The table's columns, named as the properties are: the keys of the row and the columns of requests (`Columns.id == 1`).
    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, number, reason, snapshot, author
        case planID = "plan_id", createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The part of the plan a revision freezes.
    struct Version: Codable, Sendable, Equatable {
        struct Item: Codable, Sendable, Equatable {
            let number: Int
            let title: LocalizedText
            let activities: [Step]
        }

        struct Step: Codable, Sendable, Equatable {
            let id: Int64
            let title: LocalizedText
            let plannedStart: String
            let plannedEnd: String
        }

        let commitments: [Item]

        init(_ overview: PlanOverview) {
            commitments = overview.rows.map { row in
                Item(number: row.commitment.number, title: row.commitment.title, activities: row.activities.map {
                    Step(id: $0.id ?? 0, title: $0.title, plannedStart: $0.plannedStart, plannedEnd: $0.plannedEnd)
                })
            }
        }
    }

    var version: Version? { try? JSONDecoder().decode(Version.self, from: Data(snapshot.utf8)) }

    /// What changed from one version to the next, commitment by commitment (matched by number) and
    /// activity by activity (matched by identity).
    struct Comparison: Sendable {
        enum Change: String, Sendable { case unchanged, added, removed, changed }

        struct Line: Sendable {
            let number: Int
            let before: Version.Item?
            let after: Version.Item?
            let change: Change
            let steps: [(before: Version.Step?, after: Version.Step?, change: String)]
        }

        let lines: [Line]

        init(before: Version, after: Version) {
            let old = Dictionary(uniqueKeysWithValues: before.commitments.map { ($0.number, $0) })
            let new = Dictionary(uniqueKeysWithValues: after.commitments.map { ($0.number, $0) })
            lines = Set(old.keys).union(new.keys).sorted().map { number in
                let a = old[number], b = new[number]
                let oldSteps = Dictionary(uniqueKeysWithValues: (a?.activities ?? []).map { ($0.id, $0) })
                let newSteps = Dictionary(uniqueKeysWithValues: (b?.activities ?? []).map { ($0.id, $0) })
                let steps = ((a?.activities ?? []).map(\.id) + (b?.activities ?? []).map(\.id).filter { oldSteps[$0] == nil }).map { id in
                    let x = oldSteps[id], y = newSteps[id]
                    let change = x == nil ? "added" : y == nil ? "removed"
                        : (x?.plannedStart != y?.plannedStart || x?.plannedEnd != y?.plannedEnd) ? "rescheduled"
                        : x == y ? "unchanged" : "changed"
                    return (x, y, change)
                }
                let change: Change = a == nil ? .added : b == nil ? .removed : a == b ? .unchanged : .changed
                return Line(number: number, before: a, after: b, change: change, steps: steps)
            }
        }
    }
}
