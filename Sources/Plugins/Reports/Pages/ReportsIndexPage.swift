import CivicSDK

/// `{root}/reports`: the reports by year, the search form, and the reporting deadlines with the on-time rate.
struct ReportsIndexPage: PageModel {
    static let template = "index"
    static let fields = TemplateFields<Self>([
        "groups": \.groups, "empty": \.empty, "filtered": \.filtered, "q": \.q, "action": \.action, "years": \.years, "types": \.types,
        "deadlines": \.deadlines, "hasDeadlines": \.hasDeadlines, "onTimeRate": \.onTimeRate, "feedHref": \.feedHref, "csvHref": \.csvHref,
        "jsonHref": \.jsonHref,
    ])

    struct Group: TemplateModel {
        static let fields = TemplateFields<Self>(["year": \.year, "reports": \.reports])
        let year: Int
        let reports: [Item]
    }

    struct Item: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "type": \.type, "published": \.published,
                                                  "withdrawn": \.withdrawn, "draft": \.draft, "sample": \.sample])
        let title: String
        let href: String
        let type: String
        let published: String
        let withdrawn: Bool
        let draft: Bool
        let sample: Bool
    }

    struct Choice: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "selected": \.selected])
        let value: String
        let label: String
        let selected: Bool
    }

    struct Deadline: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "year": \.year, "due": \.due, "state": \.state, "late": \.late, "report": \.report])
        let label: String
        let year: Int
        let due: String
        let state: String
        let late: Bool
        let report: ReportLink?
    }

    struct ReportLink: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href, "published": \.published])
        let href: String
        let published: String
    }

    let groups: [Group]
    let filtered: Bool
    let q: String
    let action: String
    let years: [Choice]
    let types: [Choice]
    let deadlines: [Deadline]
    let onTimeRate: String?
    let feedHref: String
    let csvHref: String
    let jsonHref: String

    var empty: Bool { groups.isEmpty }
    var hasDeadlines: Bool { !deadlines.isEmpty }
}
