import GRDB

extension Plan {
    /// Whether the public may see the plan: any status but draft, and a draft being drafted with
    /// citizens (its drafting phase is set). The one place that rule is written.
    var isPublic: Bool { status != .draft || draftingOpens != nil }

    /// Whether the plan is being drafted with citizens now, or was.
    var isDraftedInPublic: Bool { draftingOpens != nil }
}

extension DerivableRequest<Commitment> {
    /// The commitments of `plan` the public may see: published ones, of a public plan.
    /// The one place that rule is written for requests.
    func publiclyVisible(in plan: Plan) -> Self {
        guard plan.isPublic else { return none() }
        return filter(Commitment.Columns.planID == plan.id && Commitment.Columns.published == true)
    }
}

extension Commitment {
    /// Every commitment of `plan` the public may see.
    static func publiclyVisible(in plan: Plan) -> QueryInterfaceRequest<Commitment> { all().publiclyVisible(in: plan) }
}
