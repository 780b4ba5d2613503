import CivicSDK

/// `{root}/dashboard`: every live figure with its monthly history (sentence, chart, table), the
/// breakdowns in one table, and for a commune its instances' figures.
struct DashboardPage: PageModel {
    static let template = "dashboard"
    static let fields = TemplateFields<Self>([
        "details": \.details, "hasDetails": \.hasDetails, "figures": \.figures, "years": \.years, "hasYears": \.hasYears, "action": \.action,
        "instances": \.instances, "hasInstances": \.hasInstances, "feedbackHref": \.feedbackHref, "csvHref": \.csvHref, "jsonHref": \.jsonHref,
    ])

    struct Detail: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "value": \.value, "unit": \.unit, "months": \.months])
        let title: String, value: String, unit: String, months: Int
    }

    struct FigureView: TemplateModel {
        static let fields = TemplateFields<Self>(["anchor": \.anchor, "title": \.title, "value": \.value, "unit": \.unit, "sentence": \.sentence,
                                                  "chart": \.chart, "points": \.points, "hasPoints": \.hasPoints])
        let anchor: String, title: String, value: String, unit: String, sentence: String, chart: String, points: [Point]
        var hasPoints: Bool { !points.isEmpty }
    }

    struct Point: TemplateModel {
        static let fields = TemplateFields<Self>(["month": \.month, "value": \.value])
        let month: TimeText, value: String
    }

    struct Year: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "selected": \.selected])
        let value: Int, selected: Bool
    }

    struct Instance: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "href": \.href, "figures": \.figures])
        let name: String, href: String, figures: [Detail]
    }

    let details: [Detail], figures: [FigureView], years: [Year], action: String, instances: [Instance]
    let feedbackHref: String, csvHref: String, jsonHref: String
    var hasDetails: Bool { !details.isEmpty }
    var hasYears: Bool { !years.isEmpty }
    var hasInstances: Bool { !instances.isEmpty }
}
