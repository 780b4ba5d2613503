/// Describes console form fields for the host's `form-fields` partial (`{{> form-fields}}` over a
/// `fields` list), so every module's forms share one accessible markup: labels, help, per-language
/// inputs with `lang` and `dir`.
public struct FormFields: Sendable {
    let context: CivicContext, labels: String
    /// The fields, to hand the template as `fields`.
    public private(set) var items: [FormField] = []
    /// What is wrong with a refused submission, by field name: shown beside the field, which is
    /// marked invalid. Set it before adding the fields.
    public var errors: [String: String] = [:]

    /// Fields whose labels are the strings `<labels>.<field name>` (such as `plans.field`).
    public init(_ context: CivicContext, labels: String) {
        self.context = context
        self.labels = labels
    }

    private func label(_ key: String) -> String { context.text("\(labels).\(key)") }

    private func flagged(_ field: FormField) -> FormField {
        var field = field
        field.error = errors[field.name]
        return field
    }

    /// A one-line input; `type` is the HTML input type (`text`, `date`, `datetime-local`, `number`).
    public mutating func text(_ name: String, value: String, required: Bool = false, inputMode: String? = nil, help: String? = nil,
                              type: String = "text") {
        items.append(flagged(FormField(kind: .text, name: name, label: label(name), value: value, required: required, inputMode: inputMode,
                               help: help, type: type)))
    }

    /// A single checkbox.
    public mutating func checkbox(_ name: String, checked: Bool, help: String? = nil) {
        items.append(flagged(FormField(kind: .checkbox, name: name, label: label(name), checked: checked, help: help)))
    }

    /// One input (or text area) per tenant locale.
    public mutating func localized(_ name: String, value: LocalizedText, multiline: Bool = false, help: String? = nil) {
        let locales = context.tenant.locales.map { code in
            FormField.LocaleInput(code: code, language: Locales.nativeName(code), dir: Locales.direction(code), id: "f-\(name)-\(code)",
                                  name: "\(name).\(code)", value: value.values[code] ?? "")
        }
        // written in some of the site's languages but not all: staff see which before they publish
        items.append(flagged(FormField(kind: .localized, name: name, label: label(name), help: help, multiline: multiline, locales: locales,
                                       missing: MissingTranslations.warning(for: [value], context: context))))
    }

    /// A drop-down list.
    public mutating func select(_ name: String, options: [(value: String, label: String)], selected: String) {
        items.append(flagged(FormField(kind: .select, name: name, label: label(name), options: options.map {
            FormField.Option(value: $0.value, label: $0.label, name: name, id: "f-\(name)-\($0.value)", selected: $0.value == selected)
        })))
    }

    /// A group of checkboxes sharing `name`.
    public mutating func checkboxes(_ name: String, options: [(value: String, label: String)], checked: Set<String>) {
        items.append(flagged(FormField(kind: .checks, name: name, label: label(name), options: options.map {
            FormField.Option(value: $0.value, label: $0.label, name: name, id: "f-\(name)-\($0.value)", selected: checked.contains($0.value))
        })))
    }

    /// A file input.
    public mutating func file(_ name: String, help: String) {
        items.append(flagged(FormField(kind: .file, name: name, label: label(name), help: help)))
    }
}

/// One field of a console form, as the `form-fields` partial shows it.
public struct FormField: TemplateModel {
    /// How the field is edited.
    public enum Kind: Sendable { case text, checkbox, localized, select, checks, file }

    /// One input of a translated field.
    public struct LocaleInput: TemplateModel {
        public static let fields = TemplateFields<Self>(["code": \.code, "language": \.language, "dir": \.dir, "id": \.id, "name": \.name, "value": \.value])
        let code: String, language: String, dir: String, id: String, name: String, value: String
    }

    /// One choice of a drop-down list or a group of checkboxes.
    public struct Option: TemplateModel {
        public static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "name": \.name, "id": \.id,
                                                         "selected": \.selected, "checked": \.selected])
        let value: String, label: String, name: String, id: String, selected: Bool
    }

    public static let fields = TemplateFields<Self>([
        "isText": \.isText, "isCheckbox": \.isCheckbox, "isLocalized": \.isLocalized, "isSelect": \.isSelect, "isChecks": \.isChecks,
        "isFile": \.isFile, "name": \.name, "id": \.id, "label": \.label, "value": \.value, "required": \.required, "inputMode": \.inputMode,
        "hasInputMode": \.hasInputMode, "help": \.help, "type": \.type, "checked": \.checked, "multiline": \.multiline,
        "locales": \.locales, "options": \.options, "error": \.error, "describedBy": \.describedBy, "missing": \.missing,
    ])

    let kind: Kind, name: String, label: String
    var value = ""
    var required = false
    var inputMode: String?
    var checked = false
    var help: String?
    var type = "text"
    var multiline = false
    var locales: [LocaleInput] = []
    var options: [Option] = []
    /// Which of the site's languages a translated field is not written in yet.
    var missing: String?
    /// Why the submitted value was refused, shown beside the field.
    var error: String?

    var id: String { "f-\(name)" }
    /// The ids of the help and the error, for `aria-describedby`.
    var describedBy: String? {
        let ids = [help.map { _ in "\(id)-help" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }
    var isText: Bool { kind == .text }
    var isCheckbox: Bool { kind == .checkbox }
    var isLocalized: Bool { kind == .localized }
    var isSelect: Bool { kind == .select }
    var isChecks: Bool { kind == .checks }
    var isFile: Bool { kind == .file }
    var hasInputMode: Bool { inputMode != nil }
}
