/// Geometry of the activities' timeline (planned vs actual, month scale, today marker), handed to the
/// `timeline` template as plain values; the table next to it carries the same dates as text.
struct TimelineChart {
    static let width = 640.0
    static let rowHeight = 34.0
    static let top = 24.0

    struct Bar {
        let start: YearMonth
        let end: YearMonth
    }

    /// `rows`: per activity, its planned and (optional) actual span; the scale covers at least `period` (the plan's years).
    static func data(rows: [(label: String, planned: Bar, actual: Bar?)], period: Bar?, today: YearMonth) -> [String: Any]? {
        guard !rows.isEmpty else { return nil }
        let spans = rows.flatMap { [$0.planned] + ($0.actual.map { [$0] } ?? []) } + (period.map { [$0] } ?? [])
        guard let first = spans.map(\.start).min(), let last = spans.map(\.end).max() else { return nil }
        let months = Double(max(first.months(to: last) + 1, 1))
        func x(_ month: YearMonth) -> Double { Double(first.months(to: month)) / months * width }
        func span(_ bar: Bar) -> (Double, Double) { (x(bar.start), max(Double(bar.start.months(to: bar.end) + 1) / months * width, 2)) }
        var ticks: [[String: Any]] = []
        var year = first.year + (first.month == 1 ? 0 : 1)
        while let january = YearMonth(year: year, month: 1), january <= last {
            ticks.append(["x": format(x(january)), "label": String(year)])
            year += 1
        }
        let chartRows = rows.enumerated().map { index, row -> [String: Any] in
            let y = top + Double(index) * rowHeight
            let planned = span(row.planned)
            var result: [String: Any] = ["label": row.label, "y": format(y), "plannedX": format(planned.0), "plannedW": format(planned.1),
                                         "actualY": format(y + 12)]
            if let actual = row.actual {
                let bar = span(actual)
                result["actual"] = [["x": format(bar.0), "w": format(bar.1)]]
            }
            return result
        }
        let height = top + Double(rows.count) * rowHeight + 8
        var data: [String: Any] = ["width": format(width), "height": format(height), "rows": chartRows, "ticks": ticks,
                                   "tickBottom": format(height - 4)]
        if first <= today && today <= last {
            data["today"] = [["x": format(x(today) + width / months / 2), "bottom": format(height - 4)]]
        }
        return data
    }

    private static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
