/// One language of a translated input that a template lays out itself: its code, name and
/// direction, the input's id and the value it holds.
public struct LocaleInput: TemplateModel {
    public static let fields = TemplateFields<Self>(["code": \.code, "language": \.language, "dir": \.dir, "id": \.id, "value": \.value])
    let code: String, id: String, value: String
    var language: String { Locales.nativeName(code) }
    var dir: String { Locales.direction(code) }

    /// The input for `code`, with HTML id `id`, holding `value`.
    public init(_ code: String, id: String, value: String = "") {
        self.code = code
        self.id = id
        self.value = value
    }
}

/// A group of generated form fields a template shows with `{{#group}}{{> form-fields}}{{/group}}`.
public struct FieldGroup: TemplateModel {
    public static let fields = TemplateFields<Self>(["fields": \.items])
    let items: [FormField]

    /// The group of `fields`.
    public init(_ fields: FormFields) { items = fields.items }
}
