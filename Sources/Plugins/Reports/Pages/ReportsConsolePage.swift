import CivicSDK

/// `{root}/admin/reports`: every report, the report types (editable labels), and the expected reports with their deadlines.
struct ReportsConsolePage: PageModel {
    static let template = "console"
    static let fields = TemplateFields<Self>([
        "newHref": \.newHref, "monitoringHref": \.monitoringHref, "reports": \.reports, "hasReports": \.hasReports, "expected": \.expected, "types": \.types,
        "expectedAction": \.expectedAction, "typeAction": \.typeAction, "typeRows": \.typeRows, "locales": \.locales,
        "errors": \.errors, "hasErrors": \.hasErrors,
    ])

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "year": \.year, "type": \.type, "status": \.status, "editHref": \.editHref])
        let title: String, year: Int, type: String, status: String, editHref: String
    }

    struct Expected: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "type": \.type, "due": \.due, "first": \.first])
        let label: String, type: String, due: String, first: Int
    }

    struct TypeRow: TemplateModel {
        static let fields = TemplateFields<Self>(["key": \.key, "labels": \.labels])
        let key: String, labels: [ReportLocale]
    }

    let newHref: String, monitoringHref: String, reports: [Row], expected: [Expected], types: [OptionView], expectedAction: String, typeAction: String
    let typeRows: [TypeRow], locales: [ReportLocale], errors: [String]

    var hasReports: Bool { !reports.isEmpty }
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// One language of a translated input: its code, name and direction, and what it holds.
struct ReportLocale: TemplateModel {
    static let fields = TemplateFields<Self>(["code": \.code, "language": \.language, "dir": \.dir, "value": \.value, "id": \.id,
                                              "title": \.title, "summary": \.summary, "label": \.language, "checked": \.checked])
    let code: String
    var value = ""
    var id = ""
    var title = ""
    var summary = ""
    var checked = false

    var language: String { Locales.nativeName(code) }
    var dir: String { Locales.direction(code) }
}
