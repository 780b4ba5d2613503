import CivicSDK

/// The activities' timeline (planned vs actual, today marker) for the `timeline` template, in whole
/// years so that the year labels are HTML text of equal width (readable on a phone, in the page's
/// direction) and each activity's name stands above its bars. Bars are SVG in month units,
/// stretched to the row's width; the table next to it carries the same dates as text.
struct TimelineChart: TemplateModel {
    static let fields = TemplateFields<Self>(["months": \.months, "years": \.years, "yearLines": \.yearLines, "rows": \.rows,
                                              "hasToday": \.hasToday])

    struct Bar {
        let start: YearMonth, end: YearMonth
    }

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "planned": \.planned, "actual": \.actual, "today": \.today,
                                                  "months": \.months, "yearLines": \.yearLines])
        let label: String, planned: Span, actual: Span?
        /// Where today falls (the middle of its month), when inside the scale.
        let today: String?
        /// Repeated from the chart for each row's SVG.
        let months: Int, yearLines: [String]
    }

    /// A span in months from the scale's first January: offset and length.
    struct Span: TemplateModel {
        static let fields = TemplateFields<Self>(["x": \.x, "w": \.w])
        let x: Int, w: Int
    }

    /// Months on the scale (12 a year).
    let months: Int
    let years: [String]
    /// Month offsets of each January after the first, where a year line is drawn.
    let yearLines: [String]
    let rows: [Row]
    var hasToday: Bool { rows.first?.today != nil }

    /// `rows`: per activity, its planned and (optional) actual span; the scale covers at least `period`
    /// (the plan's years), from the January of the earliest year to the December of the latest.
    init?(rows: [(label: String, planned: Bar, actual: Bar?)], period: Bar?, today: YearMonth) {
        guard !rows.isEmpty else { return nil }
        let spans = rows.flatMap { [$0.planned] + ($0.actual.map { [$0] } ?? []) } + (period.map { [$0] } ?? [])
        guard let firstYear = spans.map(\.start.year).min(), let lastYear = spans.map(\.end.year).max(),
              let first = YearMonth(year: firstYear, month: 1) else { return nil }
        let months = (lastYear - firstYear + 1) * 12
        func span(_ bar: Bar) -> Span { Span(x: first.months(to: bar.start), w: max(bar.start.months(to: bar.end) + 1, 1)) }
        let offset = first.months(to: today)
        let todayMark = (0..<months).contains(offset) ? "\(offset).5" : nil
        let lines = (1..<(lastYear - firstYear + 1)).map { String($0 * 12) }
        self.months = months
        years = (firstYear...lastYear).map(String.init)
        yearLines = lines
        self.rows = rows.map { row in
            Row(label: row.label, planned: span(row.planned), actual: row.actual.map(span), today: todayMark, months: months, yearLines: lines)
        }
    }
}
