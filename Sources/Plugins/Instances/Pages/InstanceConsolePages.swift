import CivicSDK

/// An instance console form (profile, member, meeting, opinion): the generated fields, its sections,
/// the current file, and for an opinion the commune's follow-up form.
struct InstanceFormPage: PageModel {
    static let template = "form"
    static let fields = TemplateFields<Self>([
        "heading": \.heading, "action": \.action, "fields": \.formFields, "back": \.back, "backLabel": \.backLabel, "errors": \.errors,
        "hasErrors": \.hasErrors, "sections": \.sections, "currentFile": \.currentFile, "multipart": \.multipart, "followUp": \.followUp,
    ])

    /// The follow-up form under an opinion: its own fields and errors.
    struct FollowUpForm: TemplateModel {
        static let fields = TemplateFields<Self>(["action": \.action, "fields": \.formFields, "errors": \.errors, "hasErrors": \.hasErrors])
        let action: String, formFields: [FormField], errors: [String]
        var hasErrors: Bool { !errors.isEmpty }
    }

    let heading: String, action: String, formFields: [FormField], back: String, backLabel: String, errors: [String]
    var sections: [LinkView] = []
    var currentFile: FileLink?
    var multipart = false
    var followUp: FollowUpForm?

    var hasErrors: Bool { !errors.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}

/// `{root}/admin/instances/{members|meetings|opinions}`: the list with a link to add one.
struct InstanceConsoleListPage: PageModel {
    static let template = "console-list"
    static let fields = TemplateFields<Self>(["heading": \.heading, "items": \.items, "hasItems": \.hasItems, "newHref": \.newHref,
                                              "newLabel": \.newLabel, "back": \.back, "backLabel": \.backLabel])

    struct Item: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "meta": \.meta, "href": \.href])
        let label: String, meta: String, href: String
    }

    let heading: String, items: [Item], newHref: String, newLabel: String, back: String, backLabel: String
    var hasItems: Bool { !items.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
