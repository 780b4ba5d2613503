import Foundation
/// One entry of an item's public history, as history templates show it: when, who, what, and
/// each field's value before and after.
public struct HistoryEntryView: TemplateModel {
    /// One field's change.
    public struct Change: TemplateModel {
        public static let fields = TemplateFields<Self>(["field": \.field, "old": \.old, "new": \.new])
        let field: String, old: String, new: String
    }

    public static let fields = TemplateFields<Self>(["at": \.at, "actor": \.actor, "action": \.action, "summary": \.summary, "changes": \.changes,
                                                     "hasChanges": \.hasChanges])
    let at: TimeText, actor: String, action: String, summary: String, changes: [Change]
    var hasChanges: Bool { !changes.isEmpty }

    /// The entry with `action` already worded for the reader; an absent value shows as a dash. Each
    /// field is named by the string `<fieldKeys>.<name>` when given (see ``fieldName(_:keys:context:)``),
    /// and `value` words a recorded value for the reader (a status key as its label) when given.
    public init(_ entry: AuditEntry, action: String, fieldKeys: String? = nil, value: ((_ field: String, _ value: String) -> String)? = nil,
                context: CivicContext) {
        at = context.dates.dateTime(entry.at)
        actor = entry.actor(context)
        self.action = action
        summary = entry.summary
        let shown = { (field: String, recorded: String?) in recorded.map { value?(field, $0) ?? $0 } ?? "—" }
        changes = entry.fieldChanges.map { change in
            Change(field: fieldKeys.map { Self.fieldName(change.field, keys: $0, context: context) } ?? change.field,
                   old: shown(change.field, change.old), new: shown(change.field, change.new))
        }
    }

    /// A recorded field (`title.ar`, `status`, `indicator.3.2026-05-01`) named for the reader: the
    /// string `<keys>.<first part>` ("Titre"), with the language of a translation ("Titre (العربية)")
    /// and any further part after it; the field as recorded when the module has no string for it.
    public static func fieldName(_ field: String, keys: String, context: CivicContext) -> String {
        var parts = field.split(separator: ".").map(String.init)
        guard let first = parts.first else { return field }
        let language = parts.count > 1 && Locales.isSupported(parts[parts.count - 1]) ? parts.removeLast() : nil
        let key = "\(keys).\(first)", name = context.text(key)
        guard name != key else { return field }
        let rest = parts.dropFirst().joined(separator: " ")
        return name + (rest.isEmpty ? "" : " \(rest)") + (language.map { " (\(Locales.nativeName($0)))" } ?? "")
    }
}
