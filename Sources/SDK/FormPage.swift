/// A console form of a module (its `form` template): heading, the generated fields, the errors of
/// a refused submission, where it posts and the way back.
public struct FormPage: PageModel {
    public static let template = "form"
    public static let fields = TemplateFields<Self>([
        "heading": \.heading, "backHref": \.backHref, "backLabel": \.backLabel, "action": \.action, "fields": \.formFields,
        "errors": \.errors, "hasErrors": \.hasErrors, "multipart": \.multipart,
    ])

    let heading: String, backHref: String, backLabel: String, action: String, formFields: [FormField], errors: [String]
    /// Whether the form sends files.
    public var multipart = false

    var hasErrors: Bool { !errors.isEmpty }
    public var cachePolicy: CachePolicy { .perVisitor }

    /// A form titled `heading` posting `fields` to `action`, with `errors` (already worded) above it.
    public init(heading: String, backHref: String, backLabel: String, action: String, fields: FormFields, errors: [String]) {
        self.heading = heading
        self.backHref = backHref
        self.backLabel = backLabel
        self.action = action
        formFields = fields.items
        self.errors = errors
    }
}
