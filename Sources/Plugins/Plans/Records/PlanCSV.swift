import CivicSDK
import Foundation
import GRDB

/// The plan's commitments and activities as CSV: exported for anyone, imported by editors in exactly
/// the same format. Column names are the editor forms' field names, so an imported line goes through
/// the very checks a form does; an export imported back changes nothing.
enum PlanCSV {
    static func header(locales: [String]) -> [String] {
        func each(_ name: String) -> [String] { locales.map { "\(name).\($0)" } }
        return ["type", "number", "activity_id", "position"] + each("title") + ["principles"] + each("lead_services") + each("other_actors")
            + each("problem") + each("solution") + each("expected_results") + ["status", "completion", "published", "planned_start", "planned_end",
            "actual_start", "actual_end", "progress"] + each("responsible") + each("deliverable")
    }

    static func export(_ overview: PlanOverview, locales: [String]) -> String {
        let columns = header(locales: locales)
        var rows: [[String]] = []
        for row in overview.rows {
            let c = row.commitment
            var values: [String: String] = ["type": "commitment", "number": String(c.number), "position": String(c.position),
                                            "principles": c.principles.replacingOccurrences(of: ",", with: ";"), "status": c.status,
                                            "completion": c.completion, "published": String(c.published)]
            for (name, text) in ["title": c.title, "lead_services": c.leadServices, "other_actors": c.otherActors, "problem": c.problem,
                                 "solution": c.solution, "expected_results": c.expectedResults] {
                for locale in locales { values["\(name).\(locale)"] = text.values[locale] ?? "" }
            }
            rows.append(columns.map { values[$0] ?? "" })
            for a in row.activities {
                var values: [String: String] = ["type": "activity", "number": String(c.number), "activity_id": String(a.id ?? 0),
                                                "position": String(a.position), "status": a.status, "planned_start": a.plannedStart,
                                                "planned_end": a.plannedEnd, "actual_start": a.actualStart ?? "", "actual_end": a.actualEnd ?? "",
                                                "progress": String(a.progress)]
                for (name, text) in ["title": a.title, "responsible": a.responsible, "deliverable": a.deliverable] {
                    for locale in locales { values["\(name).\(locale)"] = text.values[locale] ?? "" }
                }
                rows.append(columns.map { values[$0] ?? "" })
            }
        }
        return CSV.document(header: columns, rows: rows)
    }

    /// Why an import was refused: one localized message per faulty line.
    struct ImportProblems: Error {
        let messages: [String]
    }

    /// A checked line, ready to apply.
    enum Line: Sendable {
        case commitment(PlanForms.CommitmentInput, published: Bool)
        case activity(number: Int, id: Int64?, PlanForms.ActivityInput)
    }

    /// Checks every line against the current plan; returns the lines, or one message per faulty line.
    static func check(_ text: String, context: CivicContext, existing: PlanOverview?, statuses: Set<String>) -> Result<[Line], ImportProblems> {
        let rows: [[String]]
        do { rows = try CSV.parse(text) } catch let error as CSV.ParseError {
            return .failure(ImportProblems(messages: [String(format: context.text("plans.import.line"), error.line, context.text("plans.import.unterminated"))]))
        } catch { return .failure(ImportProblems(messages: [context.text("plans.import.unreadable")])) }
        let columns = header(locales: context.tenant.locales)
        guard let first = rows.first, first == columns else {
            return .failure(ImportProblems(messages: [String(format: context.text("plans.import.line"), 1, context.text("plans.import.header"))]))
        }
        var lines: [Line] = []
        var problems: [String] = []
        var numbers = Set<Int>()
        let known = Dictionary(uniqueKeysWithValues: (existing?.rows ?? []).map { ($0.commitment.number, Set($0.activities.compactMap(\.id))) })
        for (index, row) in rows.dropFirst().enumerated() {
            let lineNumber = index + 2
            func report(_ messages: [String]) {
                problems.append(String(format: context.text("plans.import.line"), lineNumber, messages.joined(separator: " ")))
            }
            guard row.count == columns.count else { report([context.text("plans.import.cell_count")]); continue }
            var fields: [String: [String]] = [:]
            for (column, value) in zip(columns, row) where !value.isEmpty {
                fields[column] = column == "principles" ? value.split(separator: ";").map(String.init) : [value]
            }
            let form = FormData(fields: fields)
            switch form.text("type") {
            case "commitment":
                let (input, errors) = PlanForms.commitment(form, context: context, statuses: statuses)
                var messages = errors
                if !numbers.insert(input.number).inserted { messages.append(context.text("plans.error.number_taken")) }
                let published = form.text("published")
                if !["true", "false"].contains(published) { messages.append(context.text("plans.import.published")) }
                if messages.isEmpty { lines.append(.commitment(input, published: published == "true")) } else { report(messages) }
            case "activity":
                let (input, errors) = PlanForms.activity(form, context: context, statuses: statuses)
                var messages = errors
                let number = Int(form.text("number")) ?? 0
                if !numbers.contains(number) && known[number] == nil { messages.append(context.text("plans.import.unknown_commitment")) }
                let id = Int64(form.text("activity_id"))
                if !form.text("activity_id").isEmpty && (id == nil || known[number]?.contains(id ?? 0) != true) {
                    messages.append(context.text("plans.import.unknown_activity"))
                }
                if messages.isEmpty { lines.append(.activity(number: number, id: id, input)) } else { report(messages) }
            default:
                report([context.text("plans.import.type")])
            }
        }
        return problems.isEmpty ? .success(lines) : .failure(ImportProblems(messages: problems))
    }

    /// Applies checked lines in the caller's transaction; returns how many items changed.
    static func apply(_ lines: [Line], db: Database, planID: Int64, context: CivicContext) throws -> Int {
        var changed = 0
        for line in lines {
            switch line {
            case .commitment(let input, let published):
                var commitment = try Commitment.filter(Commitment.Columns.planID == planID && Commitment.Columns.number == input.number).fetchOne(db)
                    ?? Commitment(planID: planID, number: input.number, title: [:], principles: "", leadServices: [:], otherActors: [:], problem: [:],
                                  solution: [:], expectedResults: [:], status: input.status, completion: input.completion, published: published,
                                  position: input.position, updatedAt: Date())
                let before = commitment.id == nil ? [:] : PlanAudit.snapshot(commitment)
                commitment.apply(input)
                commitment.published = published
                let changes = FieldChange.diff(old: before, new: PlanAudit.snapshot(commitment))
                guard !changes.isEmpty else { continue }
                commitment.updatedAt = Date()
                try commitment.save(db)
                try context.audit(db, action: before.isEmpty ? "create" : "update", itemType: "commitment", itemID: String(commitment.id ?? 0),
                                  summary: "\(input.number) (import)", changes: changes)
                changed += 1
            case .activity(let number, let id, let input):
                guard let commitmentID = try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE plan_id = ? AND number = ?", arguments: [planID, number]) else { continue }
                var activity = try id.flatMap { try Activity.fetchOne(db, key: $0) }
                    ?? Activity(commitmentID: commitmentID, title: [:], plannedStart: input.plannedStart, plannedEnd: input.plannedEnd, actualStart: nil,
                                actualEnd: nil, status: input.status, progress: 0, responsible: [:], deliverable: [:], position: input.position)
                let before = activity.id == nil ? [:] : PlanAudit.snapshot(activity)
                activity.apply(input)
                let changes = FieldChange.diff(old: before, new: PlanAudit.snapshot(activity))
                guard !changes.isEmpty else { continue }
                try activity.save(db)
                try context.audit(db, action: before.isEmpty ? "create" : "update", itemType: "activity", itemID: String(activity.id ?? 0),
                                  summary: "\(number) (import)", changes: changes)
                changed += 1
            }
        }
        return changed
    }
}
