import CivicSDK

/// `{root}/plans` before any plan exists.
struct PlanEmptyPage: PageModel {
    static let template = "empty"
    static let fields = TemplateFields<Self>(["drafting": \.drafting])
    /// The plan being drafted with citizens, if one is.
    let drafting: DraftingLink?
}

/// A link to the plan being drafted with citizens, with where its phase stands.
struct DraftingLink: TemplateModel {
    static let fields = TemplateFields<Self>(["title": \.title, "phase": \.phase, "href": \.href])
    let title: String, phase: String, href: String
}

/// `{root}/plans`: the plan, its progress, filters, and a card per commitment.
struct PlanPage: PageModel {
    static let template = "index"
    static let fields = TemplateFields<Self>([
        "planTitle": \.planTitle, "description": \.description, "period": \.period, "planStatus": \.planStatus, "progress": \.progress,
        "commitments": \.commitments, "none": \.none, "filtered": \.filtered, "principles": \.principles, "services": \.services,
        "statuses": \.statuses, "action": \.action, "revisionsHref": \.revisionsHref, "exportHref": \.exportHref, "jsonHref": \.jsonHref,
        "feedHref": \.feedHref, "follow": \.follow, "budget": \.budget, "budgetHref": \.budgetHref, "drafting": \.drafting,
        "cocreationHref": \.cocreationHref,
    ])

    /// A commitment's card (`card.mustache`, rendered alone and kept: see ``RenderedCard``; declared as a
    /// page so that it is checked against its template at start-up).
    struct Card: PageModel {
        static let template = "card"
        static let fields = TemplateFields<Self>([
            "number": \.number, "title": \.title, "href": \.href, "progress": \.progress, "status": \.status, "completion": \.completion,
            "late": \.late, "lateText": \.lateText, "principles": \.principles, "services": \.services, "draft": \.draft,
        ])
        let number: Int, title: String, href: String, progress: PercentText, status: String, completion: String, late: Bool, lateText: String
        let principles: String, services: String, draft: Bool

        /// Everything the card's HTML depends on besides the page's language: its rendering is kept under it.
        var memoKey: String {
            [String(number), title, href, String(progress.value), progress.text, status, completion, String(late), lateText, principles, services,
             String(draft)].joined(separator: "\u{1F}")
        }
    }

    /// A commitment's card, rendered once per content (see ``Card/memoKey``): most of a plan page.
    struct RenderedCard: TemplateModel {
        static let fields = TemplateFields<Self>(["html": \.html])
        let html: String
    }

    let planTitle: String
    /// The plan's description, when written.
    let description: String?, period: String, planStatus: String, progress: PercentText, commitments: [RenderedCard], filtered: Bool
    let principles: [OptionView], services: [OptionView], statuses: [OptionView]
    let action: String, revisionsHref: String, exportHref: String, jsonHref: String, feedHref: String, editor: Bool
    /// The plan's budget summed over its commitments, when any amount was entered; its lines as CSV.
    let budget: BudgetView?, budgetHref: String
    /// The next plan, being drafted with citizens; and this plan's own co-creation record, if it was drafted so.
    let drafting: DraftingLink?, cocreationHref: String?
    /// The follow button for the whole plan (HTML from the host).
    let follow: String

    var none: Bool { commitments.isEmpty }
}

