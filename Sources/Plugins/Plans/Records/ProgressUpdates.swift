import CivicSDK
import Foundation
import GRDB

/// Records a progress update on a commitment (from the console or the API): checks the form, stores
/// the evidence file, and moves the activity or commitment it reports on, all audited in one write.
enum ProgressUpdates {
    /// The new update's id, or what was wrong, field by field, when nothing was stored.
    static func record(_ form: FormData, on commitment: Commitment, context: CivicContext, evidenceKinds: Set<FileKind>,
                       maxEvidenceBytes: Int) async throws -> (id: Int64?, errors: FieldProblems) {
        let commitmentID = commitment.id ?? 0
        let statuses = try await context.database.read { db in try PlanStatus.order(PlanStatus.Columns.position).fetchAll(db) }
        var errors = FieldProblems()
        let date = PlanForms.day(form.text("date"))
        if date == nil { errors.add("date", context.text("plans.error.date")) }
        let text = form.localized("text", locales: context.tenant.locales)
        if text.isEmpty { errors.add("text", context.text("plans.error.update_text")) }
        var newProgress: Int?
        switch PlanForms.percent(form.text("new_progress")) {
        case .some(let value): newProgress = value
        case .none: errors.add("new_progress", context.text("plans.error.progress"))
        }
        let newStatus = form.text("new_status").isEmpty ? nil : form.text("new_status")
        if let newStatus, !statuses.contains(where: { $0.key == newStatus }) { errors.add("new_status", context.text("plans.error.status")) }
        let activityID = Int64(form.text("activity"))
        if !form.text("activity").isEmpty {
            let belongs = try await context.database.read { db in
                try Activity.filter(Activity.Columns.id == activityID && Activity.Columns.commitmentID == commitmentID).fetchCount(db) == 1
            }
            if !belongs { errors.add("activity", context.text("plans.error.activity")) }
        }
        var stored: StoredFile?
        if errors.isEmpty, let evidence = form.file("evidence") {
            do { stored = try context.files.store(evidence, accepting: evidenceKinds, maxBytes: maxEvidenceBytes) } catch let rejection as FileRejection {
                errors.add("evidence", context.text(rejection.key))
            }
        }
        guard errors.isEmpty, let date else { return (nil, errors) }
        let author = context.account?.displayName ?? "system"
        let evidenceLabel = stored == nil ? nil : String((form.file("evidence")?.filename ?? "").suffix(200))
        let evidence = stored?.name, progress = newProgress
        do {
            let id = try await context.database.write { db -> Int64 in
                var update = ProgressUpdate(commitmentID: commitmentID, activityID: activityID, date: date, text: text, newProgress: progress,
                                            newStatus: newStatus, sample: false, author: author, evidence: evidence, evidenceLabel: evidenceLabel)
                try update.insert(db)
                try PlanNews.commitment(db, commitment, headline: progress.map { _ in "plans.news.progress" } ?? "plans.news.update",
                                        detail: PlanNews.progressDetail(text, progress: progress, context: context), context: context)
                try context.audit(db, action: "progress", itemType: "commitment", itemID: String(commitmentID), summary: date, changes: [
                    FieldChange(field: "update", old: nil, new: text.resolve("fr", fallbacks: context.fallbackLocales)),
                ])
                // the update moves the activity (or the commitment) it reports on
                if let activityID, var activity = try Activity.fetchOne(db, key: activityID), progress != nil || newStatus != nil {
                    let before = PlanAudit.snapshot(activity)
                    if let progress { activity.progress = progress }
                    if let newStatus { activity.status = newStatus }
                    try activity.update(db)
                    try context.audit(db, action: "update", itemType: "activity", itemID: String(activityID), summary: date,
                                      changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(activity)))
                } else if activityID == nil, let newStatus, var current = try Commitment.fetchOne(db, key: commitmentID) {
                    let before = PlanAudit.snapshot(current)
                    current.status = newStatus
                    current.updatedAt = Date()
                    try current.update(db)
                    try context.audit(db, action: "update", itemType: "commitment", itemID: String(commitmentID), summary: date,
                                      changes: FieldChange.diff(old: before, new: PlanAudit.snapshot(current)))
                }
                return update.id ?? 0
            }
            return (id, FieldProblems())
        } catch {
            if let evidence { context.files.remove(evidence) }
            throw error
        }
    }
}
