import CivicSDK

/// Field snapshots for the audit log, one entry per translation, so the public history shows what changed.
enum PlanAudit {
    static func fields(_ values: [String: LocalizedText]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, text) in values { for (locale, value) in text.values { result["\(name).\(locale)"] = value } }
        return result
    }

    static func snapshot(_ c: Commitment) -> [String: String] {
        fields(["title": c.title, "lead_services": c.leadServices, "other_actors": c.otherActors, "problem": c.problem,
                "solution": c.solution, "expected_results": c.expectedResults])
            .merging(["number": String(c.number), "principles": c.principles, "status": c.status, "completion": c.completion,
                      "published": String(c.published), "position": String(c.position)]) { a, _ in a }
    }

    static func snapshot(_ a: Activity) -> [String: String] {
        fields(["title": a.title, "responsible": a.responsible, "deliverable": a.deliverable])
            .merging(["planned_start": a.plannedStart, "planned_end": a.plannedEnd, "actual_start": a.actualStart ?? "",
                      "actual_end": a.actualEnd ?? "", "status": a.status, "progress": String(a.progress), "position": String(a.position)]) { a, _ in a }
    }

    static func snapshot(_ p: Plan) -> [String: String] {
        fields(["title": p.title, "description": p.description])
            .merging(["start_year": String(p.startYear), "end_year": String(p.endYear), "status": p.status]) { a, _ in a }
    }
}
