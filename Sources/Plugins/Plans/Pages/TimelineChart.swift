import CivicSDK

/// Geometry of the activities' timeline (planned vs actual, month scale, today marker) for the
/// `timeline` template; the table next to it carries the same dates as text.
struct TimelineChart: TemplateModel {
    static let width = 640.0
    static let rowHeight = 34.0
    static let top = 24.0

    static let fields = TemplateFields<Self>(["width": \.width, "height": \.height, "rows": \.rows, "ticks": \.ticks,
                                              "tickBottom": \.tickBottom, "today": \.today])

    struct Bar {
        let start: YearMonth, end: YearMonth
    }

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "y": \.y, "plannedX": \.plannedX, "plannedW": \.plannedW,
                                                  "actualY": \.actualY, "actual": \.actual])
        let label: String, y: String, plannedX: String, plannedW: String, actualY: String, actual: Span?
    }

    struct Span: TemplateModel {
        static let fields = TemplateFields<Self>(["x": \.x, "w": \.w])
        let x: String, w: String
    }

    struct Tick: TemplateModel {
        static let fields = TemplateFields<Self>(["x": \.x, "label": \.label])
        let x: String, label: String
    }

    struct Today: TemplateModel {
        static let fields = TemplateFields<Self>(["x": \.x, "bottom": \.bottom])
        let x: String, bottom: String
    }

    let width: String, height: String, rows: [Row], ticks: [Tick], tickBottom: String
    /// Where today falls, when inside the scale.
    let today: Today?

    /// `rows`: per activity, its planned and (optional) actual span; the scale covers at least `period` (the plan's years).
    init?(rows: [(label: String, planned: Bar, actual: Bar?)], period: Bar?, today: YearMonth) {
        guard !rows.isEmpty else { return nil }
        let spans = rows.flatMap { [$0.planned] + ($0.actual.map { [$0] } ?? []) } + (period.map { [$0] } ?? [])
        guard let first = spans.map(\.start).min(), let last = spans.map(\.end).max() else { return nil }
        let width = Self.width
        let months = Double(max(first.months(to: last) + 1, 1))
        func x(_ month: YearMonth) -> Double { Double(first.months(to: month)) / months * width }
        func span(_ bar: Bar) -> (Double, Double) { (x(bar.start), max(Double(bar.start.months(to: bar.end) + 1) / months * width, 2)) }
        var ticks: [Tick] = []
        var year = first.year + (first.month == 1 ? 0 : 1)
        while let january = YearMonth(year: year, month: 1), january <= last {
            ticks.append(Tick(x: Self.format(x(january)), label: String(year)))
            year += 1
        }
        self.rows = rows.enumerated().map { index, row in
            let y = Self.top + Double(index) * Self.rowHeight
            let planned = span(row.planned)
            return Row(label: row.label, y: Self.format(y), plannedX: Self.format(planned.0), plannedW: Self.format(planned.1),
                       actualY: Self.format(y + 12), actual: row.actual.map { span($0) }.map { Span(x: Self.format($0.0), w: Self.format($0.1)) })
        }
        let height = Self.top + Double(rows.count) * Self.rowHeight + 8
        self.width = Self.format(width)
        self.height = Self.format(height)
        self.ticks = ticks
        tickBottom = Self.format(height - 4)
        self.today = first <= today && today <= last ? Today(x: Self.format(x(today) + width / months / 2), bottom: Self.format(height - 4)) : nil
    }

    private static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
