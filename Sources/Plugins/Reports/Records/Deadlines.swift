import CivicSDK
import Foundation

/// Whether each expected report was published on time, late, is missing, or is still to come.
/// A report covering year Y is due on the expected day of year Y + 1 (the annual report on 2024 is
/// due in March 2025).
struct Deadlines: Sendable {
    enum State: String, Sendable { case onTime = "on_time", late, missing, due }

    struct Row: Sendable {
        let expected: ExpectedReport
        let coveredYear: Int
        let dueDate: String
        let state: State
        let report: Report?
    }

    let rows: [Row]

    init(expected: [ExpectedReport], reports: [Report], today: String) {
        let currentYear = Int(today.prefix(4)) ?? 2000
        rows = expected.flatMap { expectation -> [Row] in
            guard expectation.firstYear <= currentYear else { return [] }
            return (expectation.firstYear...max(expectation.firstYear, currentYear - 1)).compactMap { year in
                let due = String(format: "%04d-%02d-%02d", year + 1, expectation.dueMonth, expectation.dueDay)
                let match = reports
                    .filter { $0.type == expectation.type && $0.year == year && $0.isPublic && $0.publishedOn != nil }
                    .min { ($0.publishedOn ?? "") < ($1.publishedOn ?? "") }
                let state: State
                if let published = match?.publishedOn {
                    state = published <= due ? .onTime : .late
                } else {
                    state = due < today ? .missing : .due
                }
                return Row(expected: expectation, coveredYear: year, dueDate: due, state: state, report: match)
            }
        }
    }

    /// Share of past deadlines met on time (nil when none is past yet).
    var onTimeRate: Double? {
        let past = rows.filter { $0.state != .due }
        guard !past.isEmpty else { return nil }
        return Double(past.filter { $0.state == .onTime }.count) / Double(past.count)
    }
}
