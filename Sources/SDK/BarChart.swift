/// Horizontal bar charts drawn as inline SVG (no script, no external file), always shown next to
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

    /// An SVG of one bar per (label, count), scaled to the largest count. It is hidden from assistive
    /// technology (`aria-hidden`): the table twin carries the same figures.
    public static func svg(_ bars: [(String, Int)]) -> String {
        let rowHeight = 28, labelWidth = 180, barWidth = 300
        let top = max(bars.map(\.1).max() ?? 0, 1)
        var parts = ["<svg class=\"bars\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(rowHeight * max(bars.count, 1))\">"]
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight
            let width = bar.1 * barWidth / top
            parts.append("<text x=\"0\" y=\"\(y + 18)\">\(escape(String(bar.0.prefix(28))))</text>")
            parts.append("<rect class=\"track\" x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(barWidth)\" height=\"16\"/>")
            parts.append("<rect class=\"fill\" x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(width)\" height=\"16\"/>")
            parts.append("<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 18)\">\(bar.1)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// Text made safe for SVG/HTML content.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
