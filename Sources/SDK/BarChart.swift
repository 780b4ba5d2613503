/// Horizontal bar charts in HTML with SVG bars (no script, no external file), always shown next to
/// a table with the same figures so that screen readers and text browsers get them too.
public enum BarChart {
    /// One row of the table twin: a label, its count and its share in percent.
    public struct Row: TemplateModel {
        public static let fields = TemplateFields<Self>(["key": \.key, "label": \.label, "count": \.count, "percent": \.percent])
        let key: String, label: String, count: Int, percent: Int
    }

    /// Table rows for `bars` (key, label, count): each with its share of `total` in percent.
    public static func rows(_ bars: [(String, String, Int)], total: Int) -> [Row] {
        bars.map { key, label, count in Row(key: key, label: label, count: count, percent: percent(count, of: total)) }
    }

    /// `count` as a whole percentage of `total` (0 when `total` is 0).
    public static func percent(_ count: Int, of total: Int) -> Int {
        total == 0 ? 0 : Int((Double(count) * 100 / Double(total)).rounded())
    }

    /// One bar per (label, count): the label and the count are HTML text (readable at any width, in
    /// the page's direction), the bar an SVG that stretches to the space left. Bars are scaled to
    /// `scale` when given (100 for percentages, so that 33 % draws a third of the track), else to
    /// the largest count. Hidden from assistive technology (`aria-hidden`): the table twin carries
    /// the same figures.
    public static func chart(_ bars: [(String, Int)], scale: Int? = nil) -> String {
        let top = max(scale ?? bars.map(\.1).max() ?? 0, 1)
        var parts = ["<div class=\"bars\" aria-hidden=\"true\">"]
        for bar in bars {
            let width = min(max(bar.1, 0), top) * 1_000 / top
            parts.append("<div class=\"bar-row\"><span class=\"bar-label\">\(HTMLEscape.text(bar.0))</span>"
                + "<svg class=\"bar-track\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" focusable=\"false\">"
                + "<rect class=\"track\" width=\"1000\" height=\"10\"/><rect class=\"fill\" width=\"\(width)\" height=\"10\"/></svg>"
                + "<span class=\"bar-value\">\(bar.1)</span></div>")
        }
        parts.append("</div>")
        return parts.joined()
    }
}
