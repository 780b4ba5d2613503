import Foundation
/// One entry of an item's public history, as history templates show it: when, who, what, and
/// each field's value before and after.
public struct HistoryEntryView: TemplateModel {
    /// One field's change.
    public struct Change: TemplateModel {
        public static let fields = TemplateFields<Self>(["field": \.field, "old": \.old, "new": \.new])
        let field: String, old: String, new: String
    }

    public static let fields = TemplateFields<Self>(["at": \.at, "actor": \.actor, "action": \.action, "summary": \.summary, "changes": \.changes])
    let at: TimeText, actor: String, action: String, summary: String, changes: [Change]

    /// The entry with `action` already worded for the reader; an absent value shows as a dash.
    public init(_ entry: AuditEntry, action: String, context: CivicContext) {
        at = context.dates.dateTime(entry.at)
        actor = entry.actor(context)
        self.action = action
        summary = entry.summary
        changes = entry.fieldChanges.map { Change(field: $0.field, old: $0.old ?? "—", new: $0.new ?? "—") }
    }
}
