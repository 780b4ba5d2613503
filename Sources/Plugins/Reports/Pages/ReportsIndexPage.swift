import CivicSDK

/// `{root}/reports`: the reports by year, the search form, and the reporting deadlines with the on-time rate.
struct ReportsIndexPage: PageModel {
    static let template = "index"
    static let fields = TemplateFields<Self>([
        "follow": \.follow,
        "groups": \.groups, "empty": \.empty, "filtered": \.filtered, "q": \.q, "action": \.action, "years": \.years, "types": \.types,
        "deadlines": \.deadlines, "hasDeadlines": \.hasDeadlines, "onTimeRate": \.onTimeRate, "feedHref": \.feedHref, "csvHref": \.csvHref,
        "jsonHref": \.jsonHref,
    ])

    struct Group: TemplateModel {
        static let fields = TemplateFields<Self>(["year": \.year, "reports": \.reports])
        let year: Int, reports: [Item]
    }

    struct Item: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "type": \.type, "published": \.published,
                                                  "withdrawn": \.withdrawn, "draft": \.draft, "sample": \.sample])
        let title: String, href: String, type: String, published: TimeText?, withdrawn: Bool, draft: Bool, sample: Bool
    }

    struct Deadline: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "year": \.year, "due": \.due, "state": \.state, "late": \.late, "report": \.report])
        let label: String, year: Int, due: TimeText, state: String, late: Bool, report: ReportLink?
    }

    struct ReportLink: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href, "published": \.published])
        let href: String, published: TimeText?
    }

    let groups: [Group], filtered: Bool, q: String, action: String, years: [OptionView], types: [OptionView], deadlines: [Deadline]
    let onTimeRate: String?, feedHref: String, csvHref: String, jsonHref: String
    /// The follow button for the archive (HTML from the host).
    let follow: String

    var empty: Bool { groups.isEmpty }
    var hasDeadlines: Bool { !deadlines.isEmpty }
}
