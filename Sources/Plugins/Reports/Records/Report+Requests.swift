import GRDB

extension DerivableRequest<Report> {
    /// Reports the public may see: published or withdrawn (a withdrawn one says why), never drafts.
    /// The one place that rule is written; ``Report/isPublic`` says the same of one report.
    func publiclyVisible() -> Self { filter(Report.Columns.status != Report.Status.draft.rawValue) }
}

extension Report {
    /// Every report the public may see (see ``DerivableRequest/publiclyVisible()``).
    static func publiclyVisible() -> QueryInterfaceRequest<Report> { all().publiclyVisible() }
}
