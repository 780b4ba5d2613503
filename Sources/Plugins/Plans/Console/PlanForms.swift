import CivicSDK
import Foundation

/// Checks for the plan tracker's editor forms. Each returns the values to save, or the list of
/// localized problems (and the caller shows the form again with what was typed).
enum PlanForms {
    static func yearMonth(_ raw: String) -> YearMonth? { YearMonth(raw.trimmingCharacters(in: .whitespaces)) }

    static func day(_ raw: String) -> String? { ISODate.day(raw) }

    static func percent(_ raw: String) -> Int?? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .some(nil) }
        guard let value = Int(text), (0...100).contains(value) else { return nil }
        return .some(value)
    }

    /// What is wrong with a plan's first and last years, field by field (a year is 1900–2200, the
    /// last not before the first), as string keys.
    static func yearProblems(start: String, end: String) -> [(field: String, key: String)] {
        var problems: [(field: String, key: String)] = []
        for (field, value) in [("start_year", start), ("end_year", end)] where Int(value).map({ (1900...2200).contains($0) }) != true {
            problems.append((field, "plans.error.year"))
        }
        if let first = Int(start), let last = Int(end), last < first { problems.append(("end_year", "plans.error.year_order")) }
        return problems
    }

    static func number(_ raw: String) -> Double?? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        if text.isEmpty { return .some(nil) }
        guard let value = Double(text), value.isFinite else { return nil }
        return .some(value)
    }

    struct CommitmentInput: Sendable {
        var number: Int
        var title: LocalizedText
        var principles: [OGPPrinciple]
        var leadServices: LocalizedText
        var otherActors: LocalizedText
        var problem: LocalizedText
        var solution: LocalizedText
        var expectedResults: LocalizedText
        var status: String
        var completion: String
        var position: Int
    }

    static let completions = ["not_started", "limited", "substantial", "complete"]

    static func commitment(_ form: FormData, context: CivicContext, statuses: Set<String>) -> (CommitmentInput, [String]) {
        let locales = context.tenant.locales
        var errors: [String] = []
        let number = Int(form.text("number")) ?? 0
        if number <= 0 || number > 999 { errors.append(context.text("plans.error.number")) }
        let title = form.localized("title", locales: locales)
        if title.isEmpty { errors.append(context.text("plans.error.title")) }
        let principles = form.all("principles").compactMap(OGPPrinciple.init(rawValue:))
        if principles.count != form.all("principles").count { errors.append(context.text("plans.error.principle")) }
        let status = form.text("status")
        if !statuses.contains(status) { errors.append(context.text("plans.error.status")) }
        let completion = form.text("completion")
        if !completions.contains(completion) { errors.append(context.text("plans.error.completion")) }
        let position = Int(form.text("position")) ?? number
        let input = CommitmentInput(
            number: number, title: title, principles: principles, leadServices: form.localized("lead_services", locales: locales),
            otherActors: form.localized("other_actors", locales: locales), problem: form.localized("problem", locales: locales),
            solution: form.localized("solution", locales: locales), expectedResults: form.localized("expected_results", locales: locales),
            status: status, completion: completion, position: position)
        return (input, errors)
    }

    struct ActivityInput: Sendable {
        var title: LocalizedText
        var plannedStart: String
        var plannedEnd: String
        var actualStart: String?
        var actualEnd: String?
        var status: String
        var progress: Int
        var responsible: LocalizedText
        var deliverable: LocalizedText
        var position: Int
    }

    static func activity(_ form: FormData, context: CivicContext, statuses: Set<String>) -> (ActivityInput, [String]) {
        let locales = context.tenant.locales
        var errors: [String] = []
        let title = form.localized("title", locales: locales)
        if title.isEmpty { errors.append(context.text("plans.error.title")) }
        let plannedStart = yearMonth(form.text("planned_start")), plannedEnd = yearMonth(form.text("planned_end"))
        if plannedStart == nil || plannedEnd == nil { errors.append(context.text("plans.error.month")) }
        if let start = plannedStart, let end = plannedEnd, end < start { errors.append(context.text("plans.error.planned_order")) }
        let rawActualStart = form.text("actual_start"), rawActualEnd = form.text("actual_end")
        let actualStart = rawActualStart.isEmpty ? nil : yearMonth(rawActualStart)
        let actualEnd = rawActualEnd.isEmpty ? nil : yearMonth(rawActualEnd)
        if (!rawActualStart.isEmpty && actualStart == nil) || (!rawActualEnd.isEmpty && actualEnd == nil) { errors.append(context.text("plans.error.month")) }
        if actualEnd != nil && actualStart == nil { errors.append(context.text("plans.error.actual_start_missing")) }
        if let start = actualStart, let end = actualEnd, end < start { errors.append(context.text("plans.error.actual_order")) }
        let status = form.text("status")
        if !statuses.contains(status) { errors.append(context.text("plans.error.status")) }
        var progress = 0
        switch percent(form.text("progress")) {
        case .some(let value): progress = value ?? 0
        case .none: errors.append(context.text("plans.error.progress"))
        }
        let input = ActivityInput(
            title: title, plannedStart: plannedStart?.description ?? form.text("planned_start"), plannedEnd: plannedEnd?.description ?? form.text("planned_end"),
            actualStart: actualStart?.description ?? (rawActualStart.isEmpty ? nil : rawActualStart),
            actualEnd: actualEnd?.description ?? (rawActualEnd.isEmpty ? nil : rawActualEnd),
            status: status, progress: progress, responsible: form.localized("responsible", locales: locales),
            deliverable: form.localized("deliverable", locales: locales), position: Int(form.text("position")) ?? 0)
        return (input, errors)
    }
}

extension Commitment {
    /// Copies a checked form (or CSV line) onto the record.
    mutating func apply(_ input: PlanForms.CommitmentInput) {
        number = input.number
        title = input.title
        principles = input.principles.map(\.rawValue).joined(separator: ",")
        leadServices = input.leadServices
        otherActors = input.otherActors
        problem = input.problem
        solution = input.solution
        expectedResults = input.expectedResults
        status = input.status
        completion = input.completion
        position = input.position
    }
}

extension Activity {
    /// Copies a checked form (or CSV line) onto the record.
    mutating func apply(_ input: PlanForms.ActivityInput) {
        title = input.title
        plannedStart = input.plannedStart
        plannedEnd = input.plannedEnd
        actualStart = input.actualStart
        actualEnd = input.actualEnd
        status = input.status
        progress = input.progress
        responsible = input.responsible
        deliverable = input.deliverable
        position = input.position
    }
}
