import CivicSDK

/// `{root}/admin/plans/drafting`: drafting a plan with citizens — open the phase (a new plan, or a
/// revision starting from the plan in force), add draft commitments, turn proposals into draft
/// commitments, and adopt the plan.
struct PlanDraftingPage: PageModel {
    static let template = "drafting"
    static let fields = TemplateFields<Self>([
        "backHref": \.backHref, "drafting": \.drafting, "phase": \.phase, "publicHref": \.publicHref, "action": \.action, "fields": \.formFields,
        "errors": \.errors, "hasErrors": \.hasErrors, "commitments": \.commitments, "commitmentAction": \.commitmentAction,
        "commitmentFields": \.commitmentFields, "proposals": \.proposals, "hasProposals": \.hasProposals, "adoptAction": \.adoptAction,
    ])

    struct Commitment: TemplateModel {
        static let fields = TemplateFields<Self>(["number": \.number, "title": \.title, "editHref": \.editHref, "published": \.published])
        let number: Int, title: String, editHref: String, published: Bool
    }

    struct Proposal: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "author": \.author, "outcome": \.outcome, "became": \.became,
                                                  "turnAction": \.turnAction])
        let title: String, href: String, author: String, outcome: String
        /// The commitment it became, or the form that makes it one.
        let became: LinkView?, turnAction: String?
    }

    let backHref: String
    /// Whether a plan is being drafted (else the form opens a drafting phase).
    let drafting: Bool
    let phase: String?, publicHref: String?, action: String, formFields: [FormField], errors: [String]
    let commitments: [Commitment], commitmentAction: String, commitmentFields: FieldGroup
    let proposals: [Proposal], adoptAction: String
    var hasErrors: Bool { !errors.isEmpty }
    var hasProposals: Bool { !proposals.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
