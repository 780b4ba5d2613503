import GRDB

extension DerivableRequest<Consultation> {
    /// Consultations the public may see: open, closed or with published results, never drafts.
    /// The one place that rule is written; ``Consultation/isPublic`` says the same of one consultation.
    func publiclyVisible() -> Self { filter(Consultation.Columns.status != Consultation.Status.draft.rawValue) }
}

extension Consultation {
    /// Every consultation the public may see.
    static func publiclyVisible() -> QueryInterfaceRequest<Consultation> { all().publiclyVisible() }
}
