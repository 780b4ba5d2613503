import CivicSDK
import Testing

/// Bars are readable at any width (labels and counts are text) and honest: a percentage is drawn
/// against 100, not against the largest value shown.
@Suite struct BarChartTests {
    @Test func percentagesAreDrawnAgainstAHundred() {
        let honest = BarChart.chart([("2026-11", 33), ("2026-12", 66)], scale: 100)
        #expect(honest.contains("class=\"fill\" width=\"330\""))
        #expect(honest.contains("class=\"fill\" width=\"660\""))
        let relative = BarChart.chart([("a", 33), ("b", 66)])
        #expect(relative.contains("class=\"fill\" width=\"500\"") && relative.contains("class=\"fill\" width=\"1000\""))
        #expect(BarChart.chart([("over", 150)], scale: 100).contains("class=\"fill\" width=\"1000\""), "never beyond the track")
    }

    @Test func labelsAreEscapedText() {
        let chart = BarChart.chart([("<b>en ligne</b>", 3)])
        #expect(chart.contains("<span class=\"bar-label\">&lt;b&gt;en ligne&lt;/b&gt;</span>"))
        #expect(chart.contains("<span class=\"bar-value\">3</span>"))
        #expect(!chart.contains("<text"), "no SVG text, which shrinks with the chart")
    }

    @Test func percentIndicatorsAreRecognised() {
        #expect(Indicator(id: "a.b", title: ["fr": "x"], value: 33, unit: ["fr": "%", "ar": "٪"]).isPercent)
        #expect(!Indicator(id: "a.b", title: ["fr": "x"], value: 3, unit: ["fr": "jours"]).isPercent)
    }
}
