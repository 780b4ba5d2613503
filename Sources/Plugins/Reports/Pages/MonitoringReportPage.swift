import CivicSDK

/// `{root}/reports/{id}/read`: a generated monitoring report as published, ready to read or print
/// on A4, with its figures as data.
struct MonitoringReportPage: PageModel {
    static let template = "read"
    static let fields = TemplateFields<Self>(["document": \.document, "reportHref": \.reportHref, "csvHref": \.csvHref])
    let document: MonitoringDocument, reportHref: String, csvHref: String
}

/// `{root}/admin/reports/monitoring`: the form that writes a monitoring report from the platform's
/// data, with a preview of what publishing it would freeze.
struct MonitoringFormPage: PageModel {
    static let template = "monitoring"
    static let fields = TemplateFields<Self>([
        "action": \.action, "fields": \.formFields, "errors": \.errors, "hasErrors": \.hasErrors, "preview": \.preview, "backHref": \.backHref,
    ])
    let action: String, formFields: [FormField], errors: [String], backHref: String
    /// The report as it would be published, after "Preview".
    let preview: MonitoringDocument?
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
