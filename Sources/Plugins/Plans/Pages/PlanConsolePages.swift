import CivicSDK

/// `{root}/admin/plans`: the plan, its commitments with their state and actions, and freezing a revision.
struct PlanConsolePage: PageModel {
    static let template = "console"
    static let fields = TemplateFields<Self>([
        "hasPlan": \.hasPlan, "planTitle": \.planTitle, "planHref": \.planHref, "newHref": \.newHref, "importHref": \.importHref,
        "exportHref": \.exportHref, "statusesHref": \.statusesHref, "draftingHref": \.draftingHref, "revisionAction": \.revisionAction, "revisionsHref": \.revisionsHref,
        "reasonFields": \.reasonFields, "commitments": \.commitments, "hasCommitments": \.hasCommitments,
    ])

    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["number": \.number, "title": \.title, "published": \.published, "progress": \.progress,
                                                  "editHref": \.editHref, "viewHref": \.viewHref, "toggleAction": \.toggleAction])
        let number: Int, title: String, published: Bool, progress: PercentText, editHref: String, viewHref: String, toggleAction: String
    }

    let hasPlan: Bool, planTitle: String, planHref: String, newHref: String, importHref: String, exportHref: String, statusesHref: String
    /// Where staff draft the next plan (or a revision) with citizens.
    let draftingHref: String
    let revisionAction: String, revisionsHref: String, reasonFields: FieldGroup, commitments: [Row]
    var hasCommitments: Bool { !commitments.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/plans/commitments/{id}`: the commitment's form, its activities, a progress update and its indicators.
struct CommitmentConsolePage: PageModel {
    static let template = "commitment-console"
    static let fields = TemplateFields<Self>([
        "heading": \.heading, "action": \.action, "fields": \.formFields, "errors": \.errors, "hasErrors": \.hasErrors,
        "backHref": \.backHref, "backLabel": \.backLabel, "activities": \.activities, "newActivityHref": \.newActivityHref,
        "updateAction": \.updateAction, "updateFields": \.updateFields, "indicatorAction": \.indicatorAction,
        "indicatorFields": \.indicatorFields, "indicators": \.indicators, "updateErrors": \.updateErrors, "hasUpdateErrors": \.hasUpdateErrors,
        "budgetAction": \.budgetAction, "budgetFields": \.budgetFields, "budgetErrors": \.budgetErrors, "hasBudgetErrors": \.hasBudgetErrors,
        "budgetLines": \.budgetLines, "hasBudgetLines": \.hasBudgetLines,
    ])

    struct BudgetLine: TemplateModel {
        static let fields = TemplateFields<Self>(["date": \.date, "kind": \.kind, "amount": \.amount, "about": \.about, "deleteAction": \.deleteAction])
        let date: TimeText, kind: String, amount: String, about: String, deleteAction: String
    }

    struct Activity: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "dates": \.dates, "progress": \.progress, "editHref": \.editHref])
        let title: String, dates: String, progress: PercentText, editHref: String
    }

    struct Indicator: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "linked": \.linked, "valueAction": \.valueAction, "fieldID": \.fieldID,
                                                  "editHref": \.editHref, "deleteAction": \.deleteAction])
        let name: String, linked: Bool, valueAction: String, fieldID: String, editHref: String, deleteAction: String
    }

    let heading: String, action: String, formFields: [FormField], errors: [String], backHref: String, backLabel: String
    let activities: [Activity], newActivityHref: String, updateAction: String, updateFields: FieldGroup
    /// Why a progress update was refused, shown above its own form.
    let updateErrors: [String]
    let indicatorAction: String, indicatorFields: FieldGroup, indicators: [Indicator]
    /// The form for a new budget line, why the last one was refused, and the lines, newest first.
    let budgetAction: String, budgetFields: FieldGroup, budgetErrors: [String], budgetLines: [BudgetLine]
    var hasErrors: Bool { !errors.isEmpty }
    var hasUpdateErrors: Bool { !updateErrors.isEmpty }
    var hasBudgetErrors: Bool { !budgetErrors.isEmpty }
    var hasBudgetLines: Bool { !budgetLines.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/plans/import`: the CSV upload, with what it changed or why it was refused.
struct PlanImportPage: PageModel {
    static let template = "import"
    static let fields = TemplateFields<Self>(["action": \.action, "exportHref": \.exportHref, "backHref": \.backHref, "errors": \.errors,
                                              "hasErrors": \.hasErrors, "done": \.done])
    let action: String, exportHref: String, backHref: String, errors: [String]
    /// What an accepted import changed.
    let done: String?
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/plans/statuses`: the tenant's statuses with their labels, progress and completeness.
struct PlanStatusesPage: PageModel {
    static let template = "statuses"
    static let fields = TemplateFields<Self>(["action": \.action, "backHref": \.backHref, "errors": \.errors, "hasErrors": \.hasErrors,
                                              "statuses": \.statuses, "newLabels": \.newLabels])

    struct Status: TemplateModel {
        static let fields = TemplateFields<Self>(["key": \.key, "progress": \.progress, "complete": \.complete, "labels": \.labels])
        let key: String, progress: Int, complete: Bool, labels: [LocaleInput]
    }

    let action: String, backHref: String, errors: [String], statuses: [Status], newLabels: [LocaleInput]
    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/plans/revisions`: the frozen versions of the plan.
struct PlanRevisionsPage: PageModel {
    static let template = "revisions"
    static let fields = TemplateFields<Self>(["planHref": \.planHref, "empty": \.empty, "revisions": \.revisions])

    struct Revision: TemplateModel {
        static let fields = TemplateFields<Self>(["number": \.number, "date": \.date, "reason": \.reason, "href": \.href])
        let number: Int, date: TimeText, reason: String, href: String
    }

    let planHref: String, revisions: [Revision]
    var empty: Bool { revisions.isEmpty }
}

/// `{root}/plans/revisions/{n}`: a frozen version next to the following one (or the current plan).
struct PlanRevisionPage: PageModel {
    static let template = "revision"
    static let fields = TemplateFields<Self>(["listHref": \.listHref, "reason": \.reason, "beforeLabel": \.beforeLabel,
                                              "afterLabel": \.afterLabel, "lines": \.lines])

    struct Line: TemplateModel {
        static let fields = TemplateFields<Self>(["before": \.before, "after": \.after, "change": \.change, "changed": \.changed, "steps": \.steps])
        let before: Item?, after: Item?, change: String, changed: Bool, steps: [Step]
    }

    struct Item: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title])
        let title: String
    }

    struct Step: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "before": \.before, "after": \.after, "change": \.change, "changed": \.changed])
        /// Planned span before and after, when the step exists on that side.
        let title: String, before: String?, after: String?, change: String, changed: Bool
    }

    let listHref: String, reason: String, beforeLabel: String, afterLabel: String, lines: [Line]
}
