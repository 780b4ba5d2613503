import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin/plans/import`: CSV in the export's format; every line is checked first, and nothing is
/// applied unless all of them are valid.
struct PlansImport {
    static let maxBytes = 2 * 1_048_576

    func register(_ group: RouterGroup<CivicContext>) {
        group.get("import", use: form)
        group.post("import", use: upload)
    }

    private func render(_ context: CivicContext, errors: [String], changed: Int?, status: HTTPResponse.Status) throws -> Response {
        try context.render(PlanImportPage(action: PlanRoute.importCSV.href(context), exportHref: PlanRoute.exportCSV.href(context),
                                          backHref: PlanRoute.console.href(context), errors: errors,
                                          done: changed.map { String(format: context.text("plans.import.done"), $0) }),
                           title: context.text("plans.import.title"), status: status)
    }

    @Sendable func form(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        return try render(context, errors: [], changed: nil, status: .ok)
    }

    @Sendable func upload(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("plans.edit")
        guard let file = context.form.file("file") else { return try render(context, errors: [context.text("plans.import.no_file")], changed: nil, status: .badRequest) }
        guard file.bytes.count <= Self.maxBytes else { return try render(context, errors: [context.text("file.error.too_large")], changed: nil, status: .badRequest) }
        guard FileKind.detect(file.bytes, filename: "import.csv") == .csv, let text = String(validating: file.bytes, as: UTF8.self) else {
            return try render(context, errors: [context.text("plans.import.unreadable")], changed: nil, status: .badRequest)
        }
        let today = YearMonth.current(context.tenant)
        let (existing, statuses) = try await context.database.read { db in
            (try PlanOverview.load(db, includeUnpublished: true, today: today), Set(try String.fetchAll(db, sql: "SELECT key FROM plan_status")))
        }
        guard let planID = existing?.plan.id else { return try render(context, errors: [context.text("plans.error.no_plan")], changed: nil, status: .badRequest) }
        switch PlanCSV.check(text, context: context, existing: existing, statuses: statuses) {
        case .failure(let problems):
            return try render(context, errors: problems.messages, changed: nil, status: .badRequest)
        case .success(let lines):
            let changed = try await context.database.write { db in try PlanCSV.apply(lines, db: db, planID: planID, context: context) }
            return try render(context, errors: [], changed: changed, status: .ok)
        }
    }
}
