/// A link as templates show it: `{{label}}` and `{{href}}`.
public struct LinkView: TemplateModel {
    public static let fields = TemplateFields<Self>(["label": \.label, "href": \.href])
    let label: String, href: String

    /// The link `label` to `href`.
    public init(label: String, href: String) {
        self.label = label
        self.href = href
    }
}

/// One option of a drop-down list or a filter: `{{value}}`, `{{label}}`, `{{#selected}}`.
public struct OptionView: TemplateModel {
    public static let fields = TemplateFields<Self>(["value": \.value, "label": \.label, "selected": \.selected])
    let value: String, label: String, selected: Bool

    /// The option `value` shown as `label`, chosen when `selected`.
    public init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
