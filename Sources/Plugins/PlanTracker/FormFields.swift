import CivicSDK

/// Describes editor form fields as template data for `fields.mustache`, so every plan form shares one
/// accessible markup (labels, help, per-language inputs with `lang` and `dir`).
struct FormFields {
    let context: CivicContext
    private(set) var items: [[String: Any]] = []

    init(_ context: CivicContext) { self.context = context }

    private func label(_ key: String) -> String { context.text("plans.field.\(key)") }

    mutating func text(_ name: String, value: String, required: Bool = false, inputMode: String? = nil, help: String? = nil) {
        items.append(["isText": true, "name": name, "id": "f-\(name)", "label": label(name), "value": value, "required": required,
                      "inputMode": inputMode ?? "", "hasInputMode": inputMode != nil, "help": help.map { [$0] } ?? []])
    }

    mutating func localized(_ name: String, value: LocalizedText, multiline: Bool = false) {
        let locales = context.tenant.locales.map { code -> [String: Any] in
            ["code": code, "language": Locales.nativeName(code), "dir": Locales.direction(code), "id": "f-\(name)-\(code)",
             "name": "\(name).\(code)", "value": value.values[code] ?? ""]
        }
        items.append(["isLocalized": true, "multiline": multiline, "label": label(name), "locales": locales])
    }

    mutating func select(_ name: String, options: [(value: String, label: String)], selected: String) {
        items.append(["isSelect": true, "name": name, "id": "f-\(name)", "label": label(name),
                      "options": options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == selected] }])
    }

    mutating func checkboxes(_ name: String, options: [(value: String, label: String)], checked: Set<String>) {
        items.append(["isChecks": true, "label": label(name),
                      "options": options.map { ["value": $0.value, "label": $0.label, "name": name, "id": "f-\(name)-\($0.value)",
                                                "checked": checked.contains($0.value)] }])
    }

    mutating func file(_ name: String, help: String) {
        items.append(["isFile": true, "name": name, "id": "f-\(name)", "label": label(name), "help": [help]])
    }
}
