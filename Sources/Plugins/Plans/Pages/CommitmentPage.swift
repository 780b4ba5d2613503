import CivicSDK

/// `{root}/plans/{number}`: a commitment's sheet, its activities (table and timeline), indicators,
/// progress updates, public history and comments.
struct CommitmentPage: PageModel {
    static let template = "commitment"
    static let fields = TemplateFields<Self>([
        "planTitle": \.planTitle, "planHref": \.planHref, "number": \.number, "title": \.title, "principles": \.principles,
        "leadServices": \.leadServices, "otherActors": \.otherActors, "problem": \.problem, "solution": \.solution,
        "expectedResults": \.expectedResults, "status": \.status, "completion": \.completion, "progress": \.progress, "draft": \.draft,
        "activities": \.activities, "hasActivities": \.hasActivities, "updates": \.updates, "hasUpdates": \.hasUpdates,
        "indicators": \.indicators, "hasIndicators": \.hasIndicators, "history": \.history, "hasHistory": \.hasHistory,
        "timeline": \.timeline, "feedback": \.feedback, "follow": \.follow, "budget": \.budget, "draftNotice": \.draftNotice,
    ])

    struct ActivityRow: TemplateModel {
        static let fields = TemplateFields<Self>([
            "anchor": \.anchor, "feedback": \.feedback, "title": \.title, "planned": \.planned, "actual": \.actual, "status": \.status, "progress": \.progress, "late": \.late,
            "responsible": \.responsible, "deliverable": \.deliverable,
        ])
        let anchor: String
        /// Comments on the activity, when it takes them.
        let feedback: CommentsLink?
        /// Months planned, and months it actually ran (`to` absent while it runs; `nil` before it starts).
        let title: String, planned: TimeSpan, actual: TimeSpan?, status: String
        let progress: PercentText, late: Bool, responsible: String, deliverable: String
    }

    struct CommentsLink: TemplateModel {
        static let fields = TemplateFields<Self>(["href": \.href, "count": \.count])
        let href: String, count: Int
    }

    struct Update: TemplateModel {
        static let fields = TemplateFields<Self>(["date": \.date, "text": \.text, "sample": \.sample, "newProgress": \.newProgress,
                                                  "newStatus": \.newStatus, "author": \.author, "evidence": \.evidence])
        let date: TimeText, text: String, sample: Bool, newProgress: PercentText?, newStatus: String?, author: String, evidence: LinkView?
    }

    struct IndicatorView: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "kind": \.kind, "unit": \.unit, "baseline": \.baseline, "target": \.target,
                                                  "series": \.series, "hasSeries": \.hasSeries, "live": \.live, "baselineDate": \.baselineDate,
                                                  "targetDate": \.targetDate, "ofTarget": \.ofTarget])
        let name: String, kind: String, unit: String, baseline: String, target: String
        /// When the baseline was measured and when the target is due.
        let baselineDate: TimeText?, targetDate: TimeText?
        let series: [Measure]
        /// The platform's own figure the indicator follows, when linked.
        let live: LiveFigure?
        /// How far the latest value has come from the baseline to the target, where that means something.
        let ofTarget: PercentText?
        var hasSeries: Bool { !series.isEmpty }
    }

    struct Measure: TemplateModel {
        static let fields = TemplateFields<Self>(["date": \.date, "value": \.value])
        let date: TimeText, value: String
    }

    struct LiveFigure: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "source": \.source])
        let value: String, source: String
    }

    let planTitle: String
    var planHref: String
    /// On a commitment of a plan being drafted with citizens: where its drafting phase stands.
    var draftNotice: String?
    let number: Int, title: String, principles: [String], leadServices: String
    /// Other actors, when named.
    let otherActors: String?
    let problem: LanguageText, solution: LanguageText, expectedResults: LanguageText, status: String, completion: String, progress: PercentText, draft: Bool
    let activities: [ActivityRow], updates: [Update], indicators: [IndicatorView]
    /// The commitment's budget, when any amount was entered.
    let budget: BudgetView?
    let history: [HistoryEntryView], timeline: TimelineChart?
    var feedback = ""
    /// The follow button (HTML from the host), on a commitment the public can see.
    var follow = ""
    var editor = false

    var hasActivities: Bool { !activities.isEmpty }
    var hasUpdates: Bool { !updates.isEmpty }
    var hasIndicators: Bool { !indicators.isEmpty }
    var hasHistory: Bool { !history.isEmpty }
}
