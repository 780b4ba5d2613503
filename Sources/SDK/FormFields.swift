import CivicSDK

/// Describes console form fields as template data for the host's `form-fields` partial
/// (`{{> form-fields}}` over a `fields` list), so every module's forms share one accessible markup:
/// labels, help, per-language inputs with `lang` and `dir`.
public struct FormFields {
    let context: CivicContext
    let labels: String
    /// The fields, to hand the template as `fields`.
    public private(set) var items: [[String: Any]] = []

    /// Fields whose labels are the strings `<labels>.<field name>` (such as `plans.field`).
    public init(_ context: CivicContext, labels: String) {
        self.context = context
        self.labels = labels
    }

    private func label(_ key: String) -> String { context.text("\(labels).\(key)") }

    /// A one-line input; `type` is the HTML input type (`text`, `date`, `datetime-local`, `number`).
    public mutating func text(_ name: String, value: String, required: Bool = false, inputMode: String? = nil, help: String? = nil,
                              type: String = "text") {
        items.append(["isText": true, "name": name, "id": "f-\(name)", "label": label(name), "value": value, "required": required,
                      "inputMode": inputMode ?? "", "hasInputMode": inputMode != nil, "help": help.map { [$0] } ?? [], "type": type])
    }

    /// A single checkbox.
    public mutating func checkbox(_ name: String, checked: Bool, help: String? = nil) {
        items.append(["isCheckbox": true, "name": name, "id": "f-\(name)", "label": label(name), "checked": checked, "help": help.map { [$0] } ?? []])
    }

    /// One input (or text area) per tenant locale.
    public mutating func localized(_ name: String, value: LocalizedText, multiline: Bool = false, help: String? = nil) {
        let locales = context.tenant.locales.map { code -> [String: Any] in
            ["code": code, "language": Locales.nativeName(code), "dir": Locales.direction(code), "id": "f-\(name)-\(code)",
             "name": "\(name).\(code)", "value": value.values[code] ?? ""]
        }
        items.append(["isLocalized": true, "multiline": multiline, "label": label(name), "locales": locales, "help": help.map { [$0] } ?? []])
    }

    /// A drop-down list.
    public mutating func select(_ name: String, options: [(value: String, label: String)], selected: String) {
        items.append(["isSelect": true, "name": name, "id": "f-\(name)", "label": label(name),
                      "options": options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == selected] }])
    }

    /// A group of checkboxes sharing `name`.
    public mutating func checkboxes(_ name: String, options: [(value: String, label: String)], checked: Set<String>) {
        items.append(["isChecks": true, "label": label(name),
                      "options": options.map { ["value": $0.value, "label": $0.label, "name": name, "id": "f-\(name)-\($0.value)",
                                                "checked": checked.contains($0.value)] }])
    }

    /// A file input.
    public mutating func file(_ name: String, help: String) {
        items.append(["isFile": true, "name": name, "id": "f-\(name)", "label": label(name), "help": [help]])
    }
}
