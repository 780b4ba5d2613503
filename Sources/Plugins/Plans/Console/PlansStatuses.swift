import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin/plans/statuses`: the tenant's own statuses for commitments and activities, each
/// with the progress it stands for.
struct PlansStatuses {
    func register(_ group: RouterGroup<CivicContext>) {
        group.get("statuses", use: list)
        group.post("statuses", use: save)
    }

    private func render(_ context: CivicContext, errors: [String], status: HTTPResponse.Status) async throws -> Response {
        let statuses = try await context.database.read { db in try PlanStatus.order(PlanStatus.Columns.position).fetchAll(db) }
        let page = PlanStatusesPage(
            action: PlanRoute.statuses.href(context), backHref: PlanRoute.console.href(context), errors: errors,
            statuses: statuses.map { status in
                .init(key: status.key, progress: status.progress, complete: status.complete,
                      labels: context.tenant.locales.map { LocaleInput($0, id: "label-\(status.key)-\($0)", value: status.label.values[$0] ?? "") })
            },
            newLabels: context.tenant.locales.map { LocaleInput($0, id: "label-new-\($0)") })
        return try context.render(page, title: context.text("plans.statuses.title"), status: status)
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        return try await render(context, errors: [], status: .ok)
    }

    /// Creates (`key` new) or updates (`key` existing) one status.
    @Sendable func save(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        let form = context.form
        let key = form.text("key")
        let label = form.localized("label", locales: context.tenant.locales)
        var errors: [String] = []
        if key.range(of: "^[a-z][a-z_]{0,30}$", options: .regularExpression) == nil { errors.append(context.text("plans.statuses.key_format")) }
        if label.isEmpty { errors.append(context.text("plans.error.title")) }
        let progress = PlanForms.percent(form.text("progress"))
        if progress == nil || progress! == nil { errors.append(context.text("plans.error.progress")) }
        guard errors.isEmpty, let value = progress ?? nil else { return try await render(context, errors: errors, status: .badRequest) }
        let complete = form.isChecked("complete")
        try await context.database.write { db in
            let existing = try PlanStatus.fetchOne(db, key: key)
            let position = try existing?.position ?? (Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM plan_status") ?? 0)
            let status = PlanStatus(key: key, label: label, progress: value, complete: complete, position: position)
            try status.save(db)
            let before = existing.map { FieldChange.snapshot(["progress": String($0.progress), "complete": String($0.complete)], texts: ["label": $0.label]) } ?? [:]
            let after = FieldChange.snapshot(["progress": String(value), "complete": String(complete)], texts: ["label": label])
            try context.audit(db, action: existing == nil ? "create" : "update", itemType: "status", itemID: key, summary: key,
                              changes: FieldChange.diff(old: before, new: after))
        }
        return context.redirect(PlanRoute.statuses, notice: .saved)
    }
}
