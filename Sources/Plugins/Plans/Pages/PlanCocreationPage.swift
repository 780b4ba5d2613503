import CivicSDK

/// `{root}/plans/cocreation/{id}`: a plan drafted with citizens — its drafting phase, its draft
/// commitments, what came of every proposal (the co-creation record) and the proposals themselves,
/// with the form while the phase is open.
struct PlanCocreationPage: PageModel {
    static let template = "cocreation"
    static let fields = TemplateFields<Self>([
        "planTitle": \.planTitle, "description": \.description, "period": \.period, "phase": \.phase, "adoptedHref": \.adoptedHref,
        "commitments": \.commitments, "hasCommitments": \.hasCommitments, "record": \.record, "proposals": \.proposals,
    ])

    struct Commitment: TemplateModel {
        static let fields = TemplateFields<Self>(["number": \.number, "title": \.title, "href": \.href, "proposal": \.proposal])
        let number: Int, title: String, href: String
        /// The proposal it came from.
        let proposal: LinkView?
    }

    let planTitle: String, description: String?, period: String
    /// Where the drafting phase stands, in a sentence.
    let phase: String
    /// The adopted plan's page, once adopted.
    let adoptedHref: String?
    let commitments: [Commitment], record: CocreationRecord
    /// The proposals' thread (HTML from the host), with its form while the phase is open.
    let proposals: String
    var hasCommitments: Bool { !commitments.isEmpty }
}

/// What came from whom when a plan was drafted with citizens: input by channel, and each proposal
/// with its author, channel, outcome, reason and the commitment it became — the reasoned response
/// for the whole plan.
struct CocreationRecord: TemplateModel {
    static let fields = TemplateFields<Self>([
        "summary": \.summary, "channels": \.channels, "outcomes": \.outcomes, "rows": \.rows, "hasRows": \.hasRows,
    ])

    struct Count: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "count": \.count])
        let label: String, count: String
    }

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "author": \.author, "channel": \.channel, "outcome": \.outcome,
                                                  "reason": \.reason, "became": \.became])
        let title: String, href: String, author: String, channel: String, outcome: String, reason: String
        let became: LinkView?
    }

    let summary: String, channels: [Count], outcomes: [Count], rows: [Row]
    var hasRows: Bool { !rows.isEmpty }

    /// The record from the proposals and the input by channel; `became` links each proposal (by its id)
    /// to the commitment it became.
    init(proposals: [FeedbackProposal], channels: [String: Int], became: [Int64: LinkView], context: CivicContext) {
        let count = { (value: Int) in context.number(value) }
        let total = channels.values.reduce(0, +)
        let answered = proposals.filter { $0.outcome != nil }
        let adopted = answered.filter { $0.outcome == "adopted" || $0.outcome == "partly_adopted" }.count
        summary = context.text("plans.cocreation.summary")
            .replacingOccurrences(of: "{input}", with: Bidi.isolate(count(total)))
            .replacingOccurrences(of: "{proposals}", with: Bidi.isolate(count(proposals.count)))
            .replacingOccurrences(of: "{answered}", with: Bidi.isolate(count(answered.count)))
            .replacingOccurrences(of: "{adopted}", with: Bidi.isolate(count(adopted)))
        self.channels = ["online", "hearing", "paper", "email", "phone"].compactMap { channel in
            channels[channel].map { Count(label: context.text("feedback.channel.\(channel)"), count: count($0)) }
        }
        outcomes = ["adopted", "partly_adopted", "not_adopted", "already_planned", "out_of_scope"].compactMap { outcome in
            let n = answered.filter { $0.outcome == outcome }.count
            return n == 0 ? nil : Count(label: context.text("feedback.outcome.\(outcome)"), count: count(n))
        } + (answered.count < proposals.count ? [Count(label: context.text("plans.cocreation.awaiting"), count: count(proposals.count - answered.count))] : [])
        rows = proposals.map { proposal in
            Row(title: proposal.title, href: proposal.href, author: proposal.author, channel: context.text("feedback.channel.\(proposal.channel)"),
                outcome: proposal.outcomeLabel ?? context.text("plans.cocreation.awaiting"), reason: proposal.reason ?? "", became: became[proposal.id])
        }
    }
}
