import CivicSDK

/// `{root}/admin/reports/new` and `…/{id}`: a report's texts, type, period, languages, the items it
/// evidences and its files; for an existing report, publishing and withdrawing.
struct ReportFormPage: PageModel {
    static let template = "form"
    static let fields = TemplateFields<Self>([
        "isNew": \.isNew, "action": \.action, "backHref": \.backHref, "maxSize": \.maxSize, "targets": \.targets, "hasTargets": \.hasTargets,
        "locales": \.locales, "types": \.types, "year": \.year, "periodStart": \.periodStart, "periodEnd": \.periodEnd,
        "publishedOn": \.publishedOn, "languages": \.languages, "errors": \.errors, "hasErrors": \.hasErrors, "files": \.files,
        "status": \.status, "canPublish": \.canPublish, "canWithdraw": \.canWithdraw, "publishAction": \.publishAction,
        "withdrawAction": \.withdrawAction, "viewHref": \.viewHref, "reasonLocales": \.reasonLocales, "missing": \.missing,
    ])

    struct Target: TemplateModel {
        static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "checked": \.checked, "id": \.id])
        let value: String, label: String, checked: Bool
        var id: String { "link-" + value.replacingOccurrences(of: ":", with: "-") }
    }

    struct StoredFile: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "sha256": \.sha256, "size": \.size])
        let label: String, sha256: String, size: String
    }

    var isNew = true
    var action = ""
    var backHref = ""
    var maxSize = ""
    let targets: [Target], locales: [ReportLocale], types: [OptionView], year: String, periodStart: String, periodEnd: String
    let publishedOn: String, languages: [ReportLocale], errors: [String]
    /// The site's languages the title or the summary is not written in yet.
    let missing: String?
    var files: [StoredFile] = []
    /// The report's state, for an existing report.
    var status: String?
    var canPublish = false
    var canWithdraw = false
    var publishAction = ""
    var withdrawAction = ""
    var viewHref = ""
    var reasonLocales: [ReportLocale] = []

    var hasTargets: Bool { !targets.isEmpty }
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
