import CivicSDK
import Foundation
import GRDB

/// One dated amount of a commitment's budget, or of one of its activities: planned (a revision is one
/// more line, negative for a cut), committed or spent, with an optional evidence file.
struct BudgetLine: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "budget_line"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case planned, committed, spent
    }

    var id: Int64?
    var commitmentID: Int64
    var activityID: Int64?
    var kind: Kind
    var amount: Double
    /// ISO 4217 code, `MAD` for Moroccan communes (the module's `currency` setting when it was entered).
    var currency: String
    var date: String
    var label: LocalizedText
    var evidence: String?
    var evidenceLabel: String?
    var sample: Bool
    var author: String
    var createdAt: Date

    typealias Columns = CodingKeys
    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, kind, amount, currency, date, label, evidence, sample, author
        case commitmentID = "commitment_id", activityID = "activity_id", evidenceLabel = "evidence_label", createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The lines of `commitments`, oldest first.
    static func lines(_ db: Database, commitments: [Int64]) throws -> [BudgetLine] {
        try BudgetLine.filter(commitments.contains(Columns.commitmentID)).order(Columns.date, Columns.id).fetchAll(db)
    }
}

/// Planned, committed and spent amounts summed in one currency.
struct BudgetTotals: Codable, Sendable, Equatable {
    var currency: String
    var planned = 0.0, committed = 0.0, spent = 0.0

    init(currency: String) { self.currency = currency }

    /// The totals of `lines` dated up to `day` (all when `nil`), one per currency, the most used first.
    static func of(_ lines: [BudgetLine], upTo day: String? = nil) -> [BudgetTotals] {
        var totals: [String: BudgetTotals] = [:]
        var uses: [String: Int] = [:]
        for line in lines where day.map({ line.date <= $0 }) ?? true {
            var total = totals[line.currency] ?? BudgetTotals(currency: line.currency)
            switch line.kind {
            case .planned: total.planned += line.amount
            case .committed: total.committed += line.amount
            case .spent: total.spent += line.amount
            }
            totals[line.currency] = total
            uses[line.currency, default: 0] += 1
        }
        return totals.values.sorted { (uses[$0.currency] ?? 0, $1.currency) > (uses[$1.currency] ?? 0, $0.currency) }
    }

    /// `value` with its currency code as `locale` writes it, centimes kept: "1 200 000,50 MAD".
    /// Pages, the console and the monitoring report all write amounts this way.
    static func written(_ value: Double, currency: String, locale: String, digits: TenantFormats.Digits) -> String {
        "\(NumberText.format(value, locale: locale, fractionDigits: 2, digits: digits))\u{00A0}\(currency)"
    }

    /// Spent as a share of planned, in percent; `nil` with nothing planned.
    var executed: Int? { planned > 0 ? Int((spent / planned * 100).rounded()) : nil }
}
