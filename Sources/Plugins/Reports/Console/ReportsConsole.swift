import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Editor screens under `{root}/admin/reports`: reports with their files, publication, withdrawal,
/// and the reports the tenant commits to publish.
struct ReportsConsole {
    let services: ModuleServices
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: list)
        group.get("new", use: newForm)
        group.get("monitoring", use: monitoringForm)
        group.post("monitoring", use: monitoring)
        group.post(use: create)
        group.get(":id", use: editForm)
        group.post(":id", use: update)
        group.post(":id/publish", use: publish)
        group.post(":id/withdraw", use: withdraw)
        group.post("expected", use: addExpected)
        group.post("types", use: saveType)
    }

    func types(_ context: CivicContext) async throws -> [ReportType] {
        try await context.database.read { db in try ReportType.order(ReportType.Columns.position).fetchAll(db) }
    }

    private func id(_ context: CivicContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: context.text("reports.error.not_found")) }
        return id
    }

    private func load(_ context: CivicContext) async throws -> Report {
        let id = try id(context)
        guard let report = try await context.database.read({ db in try Report.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("reports.error.not_found"))
        }
        return report
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        return try await renderList(context, errors: [], status: .ok)
    }

    private func renderList(_ context: CivicContext, errors: [String], status: HTTPResponse.Status) async throws -> Response {
        let (reports, expected, types) = try await context.database.read { db in
            (try Report.order(Report.Columns.year.desc, Report.Columns.id.desc).fetchAll(db), try ExpectedReport.fetchAll(db),
             try ReportType.order(ReportType.Columns.position).fetchAll(db))
        }
        let labels = Dictionary(uniqueKeysWithValues: types.map { ($0.key, context.localized($0.label)) })
        let page = ReportsConsolePage(
            newHref: ReportRoute.newReport.href(context), monitoringHref: ReportRoute.monitoring.href(context),
            reports: reports.map { .init(title: context.localized($0.title), year: $0.year, type: labels[$0.type] ?? $0.type,
                                         status: context.text("reports.status.\($0.status.rawValue)"), editHref: ReportRoute.edit($0.id ?? 0).href(context)) },
            expected: expected.map { .init(label: context.localized($0.label), type: labels[$0.type] ?? $0.type,
                                           due: context.dates.dayOfYear(month: $0.dueMonth, day: $0.dueDay), first: $0.firstYear) },
            types: types.map { .init(value: $0.key, label: context.localized($0.label), selected: false) },
            expectedAction: ReportRoute.expected.href(context), typeAction: ReportRoute.types.href(context),
            typeRows: types.map { type in
                .init(key: type.key, labels: context.tenant.locales.map { ReportLocale(code: $0, value: type.label.values[$0] ?? "", id: "type-\(type.key)-\($0)") })
            },
            locales: context.tenant.locales.map { ReportLocale(code: $0) },
            errors: errors)
        return try context.render(page, title: context.text("reports.console.title"), status: status)
    }

    private func renderForm(_ context: CivicContext, form: ReportForm, report: Report?, status: HTTPResponse.Status) async throws -> Response {
        var page = form.page(context: context, types: try await types(context), targets: try await services.links.targets(context))
        let id = report?.id ?? 0
        page.isNew = report == nil
        page.action = report == nil ? ReportRoute.console.href(context) : ReportRoute.edit(id).href(context)
        page.backHref = ReportRoute.console.href(context)
        page.maxSize = ReportsSite.size(ReportForm.maxFileBytes, context)
        if let report {
            let files = try await context.database.read { db in try ReportFile.filter(ReportFile.Columns.reportID == id).fetchAll(db) }
            page.files = files.map { .init(label: $0.label, sha256: $0.sha256, size: ReportsSite.size($0.size, context)) }
            page.status = context.text("reports.status.\(report.status.rawValue)")
            page.canPublish = report.status != .published
            page.canWithdraw = report.status == .published
            page.publishAction = ReportRoute.publish(id).href(context)
            page.withdrawAction = ReportRoute.withdraw(id).href(context)
            page.viewHref = ReportRoute.report(id).href(context)
            page.reasonLocales = context.tenant.locales.map { ReportLocale(code: $0) }
        }
        return try context.render(page, title: context.text(report == nil ? "reports.console.new" : "reports.console.edit"), status: status)
    }

    @Sendable func newForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let blank = Report(title: [:], summary: [:], type: "annual_report", periodStart: nil, periodEnd: nil,
                           year: Calendar(identifier: .gregorian).component(.year, from: Date()) - 1, publishedOn: nil,
                           languages: context.tenant.defaultLocale, status: .draft, withdrawnReason: [:], sample: false, createdAt: Date(), updatedAt: Date())
        return try await renderForm(context, form: ReportForm(report: blank), report: nil, status: .ok)
    }

    @Sendable func editForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let report = try await load(context)
        var form = ReportForm(report: report)
        form.links = try await context.database.read { db in try String.fetchAll(db, sql: "SELECT target FROM report_link WHERE report_id = ?", arguments: [report.id]) }
        return try await renderForm(context, form: form, report: report, status: .ok)
    }

    /// Stores the uploaded files first; on any refusal, removes those already stored and reports why.
    private func storeFiles(_ context: CivicContext) -> (stored: [(StoredFile, String)], error: String?) {
        var stored: [(StoredFile, String)] = []
        for upload in context.form.files["files"] ?? [] {
            do {
                stored.append((try context.files.store(upload, accepting: ReportForm.acceptedKinds, maxBytes: ReportForm.maxFileBytes),
                               String(upload.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "document").prefix(200).description))
            } catch {
                for (file, _) in stored { context.files.remove(file.name) }
                let reason = (error as? FileRejection).map { context.text($0.key) } ?? context.text("reports.error.file")
                return ([], "\(upload.filename.prefix(100)): \(reason)")
            }
        }
        return (stored, nil)
    }

    private func save(_ context: CivicContext, existing: Report?) async throws -> Response {
        try context.require("reports.edit")
        let types = try await types(context)
        let targets = Set(try await services.links.targets(context).map(\.id))
        var form = ReportForm(context.form, context: context, types: Set(types.map(\.key)), targets: targets)
        guard form.errors.isEmpty else { return try await renderForm(context, form: form, report: existing, status: .badRequest) }
        let (stored, error) = storeFiles(context)
        if let error {
            form.errors.append(error)
            return try await renderForm(context, form: form, report: existing, status: .badRequest)
        }
        let input = form
        do {
            let id = try await context.database.write { db -> Int64 in
                var report = existing ?? Report(title: [:], summary: [:], type: input.type, periodStart: nil, periodEnd: nil, year: 2000, publishedOn: nil,
                                                languages: "", status: .draft, withdrawnReason: [:], sample: false, createdAt: Date(), updatedAt: Date())
                let before = existing?.auditFields ?? [:]
                input.apply(to: &report)
                report.updatedAt = Date()
                try report.save(db)
                let id = report.id ?? 0
                for (file, label) in stored {
                    var record = ReportFile(reportID: id, storedName: file.name, label: label, kind: file.kind.rawValue, size: file.size, sha256: file.sha256, downloads: 0)
                    try record.insert(db)
                }
                try ReportSearch.index(db, report)
                let oldLinks = try String.fetchAll(db, sql: "SELECT target FROM report_link WHERE report_id = ? ORDER BY target", arguments: [id])
                try db.execute(sql: "DELETE FROM report_link WHERE report_id = ?", arguments: [id])
                for target in Set(input.links) {
                    try db.execute(sql: "INSERT INTO report_link (report_id, target) VALUES (?, ?)", arguments: [id, target])
                }
                var changes = FieldChange.diff(old: before, new: report.auditFields)
                if oldLinks != Set(input.links).sorted() {
                    changes.append(FieldChange(field: "links", old: oldLinks.joined(separator: ","), new: Set(input.links).sorted().joined(separator: ",")))
                }
                changes += stored.map { FieldChange(field: "file", old: nil, new: "\($0.1) (sha256 \($0.0.sha256))") }
                if !changes.isEmpty {
                    try context.audit(db, action: existing == nil ? "create" : "update", itemType: "report", itemID: String(id),
                                      summary: report.title.resolve(context.tenant.defaultLocale, fallbacks: context.fallbackLocales), changes: changes)
                }
                return id
            }
            return context.redirect(ReportRoute.edit(id), notice: .saved)
        } catch {
            // the database refused: the files stored for it must not stay behind
            for (file, _) in stored { context.files.remove(file.name) }
            throw error
        }
    }

    @Sendable func create(_ request: Request, context: CivicContext) async throws -> Response { try await save(context, existing: nil) }

    @Sendable func update(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        return try await save(context, existing: try await load(context))
    }

    @Sendable func publish(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let report = try await load(context)
        let date = ReportForm.day(context.form.text("published_on")) ?? report.publishedOn ?? context.tenant.today
        try await context.database.write { db in
            var changed = report
            let before = changed.auditFields
            changed.status = .published
            changed.publishedOn = date
            changed.withdrawnReason = [:]
            changed.updatedAt = Date()
            try changed.update(db)
            try context.audit(db, action: "publish", itemType: "report", itemID: String(report.id ?? 0), summary: date,
                              changes: FieldChange.diff(old: before, new: changed.auditFields))
            try Self.announce(db, changed, headline: "reports.news.published", detail: changed.summary, context: context)
        }
        return context.redirect(ReportRoute.edit(report.id ?? 0), notice: .published)
    }

    /// Tells the archive's followers (see ``ReportsModule/archive``).
    static func announce(_ db: Database, _ report: Report, headline: String, detail: LocalizedText, context: CivicContext) throws {
        try context.announce(db, FollowNews(kind: "report", key: String(report.id ?? 0), within: [(ReportsModule.archive.kind, ReportsModule.archive.key)],
                                            title: report.title, path: ReportRoute.report(report.id ?? 0).path,
                                            headline: context.inEveryLanguage(headline), detail: detail))
    }

    @Sendable func withdraw(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let report = try await load(context)
        let reason = context.form.localized("reason", locales: context.tenant.locales)
        guard !reason.isEmpty else {
            var form = ReportForm(report: report)
            form.errors = [context.text("reports.error.reason")]
            return try await renderForm(context, form: form, report: report, status: .badRequest)
        }
        try await context.database.write { db in
            var changed = report
            let before = changed.auditFields
            changed.status = .withdrawn
            changed.withdrawnReason = reason
            changed.updatedAt = Date()
            try changed.update(db)
            try context.audit(db, action: "withdraw", itemType: "report", itemID: String(report.id ?? 0), summary: "withdrawn",
                              changes: FieldChange.diff(old: before, new: changed.auditFields))
            try Self.announce(db, changed, headline: "reports.news.withdrawn", detail: reason, context: context)
        }
        return context.redirect(ReportRoute.edit(report.id ?? 0), notice: .unpublished)
    }

    /// Adds a report type, or renames one (same key).
    @Sendable func saveType(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let key = context.form.text("key")
        let label = context.form.localized("label", locales: context.tenant.locales)
        var errors: [String] = []
        if key.range(of: "^[a-z][a-z_]{0,30}$", options: .regularExpression) == nil { errors.append(context.text("reports.error.type_key")) }
        if label.isEmpty { errors.append(context.text("reports.error.title")) }
        guard errors.isEmpty else { return try await renderList(context, errors: errors, status: .badRequest) }
        try await context.database.write { db in
            let existing = try ReportType.fetchOne(db, key: key)
            let position = try existing?.position ?? (Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM report_type") ?? 0)
            try ReportType(key: key, label: label, position: position).save(db)
            try context.audit(db, action: existing == nil ? "create" : "update", itemType: "report_type", itemID: key, summary: key,
                              changes: FieldChange.diff(old: existing.map { ["label": $0.label.json] } ?? [:], new: ["label": label.json]))
        }
        return context.redirect(ReportRoute.console, notice: .saved)
    }

    @Sendable func addExpected(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("reports.edit")
        let form = context.form
        let types = Set(try await types(context).map(\.key))
        let label = form.localized("label", locales: context.tenant.locales)
        let month = Int(form.text("due_month")) ?? 0, day = Int(form.text("due_day")) ?? 0, first = Int(form.text("first_year")) ?? 0
        var errors: [String] = []
        if label.isEmpty { errors.append(context.text("reports.error.title")) }
        if !types.contains(form.text("type")) { errors.append(context.text("reports.error.type")) }
        if ReportForm.day(String(format: "2001-%02d-%02d", month, day)) == nil { errors.append(context.text("reports.error.due")) }
        if !(1900...2200).contains(first) { errors.append(context.text("reports.error.year")) }
        guard errors.isEmpty else { return try await renderList(context, errors: errors, status: .badRequest) }
        let type = form.text("type")
        try await context.database.write { db in
            var expected = ExpectedReport(type: type, label: label, dueMonth: month, dueDay: day, firstYear: first)
            try expected.insert(db)
            try context.audit(db, action: "create", itemType: "expected_report", itemID: String(expected.id ?? 0),
                              summary: type, changes: [FieldChange(field: "due", old: nil, new: String(format: "%02d-%02d from %d", month, day, first))])
        }
        return context.redirect(ReportRoute.console, notice: .created)
    }
}
