import CivicSDK

/// Field snapshots for the audit log, one entry per translation, so the public history shows what changed.
enum PlanAudit {
    static func snapshot(_ c: Commitment) -> [String: String] {
        FieldChange.snapshot(["number": String(c.number), "principles": c.principles, "status": c.status, "completion": c.completion,
                              "published": String(c.published), "position": String(c.position)],
                             texts: ["title": c.title, "lead_services": c.leadServices, "other_actors": c.otherActors, "problem": c.problem,
                                     "solution": c.solution, "expected_results": c.expectedResults])
    }

    static func snapshot(_ a: Activity) -> [String: String] {
        FieldChange.snapshot(["planned_start": a.plannedStart, "planned_end": a.plannedEnd, "actual_start": a.actualStart ?? "",
                              "actual_end": a.actualEnd ?? "", "status": a.status, "progress": String(a.progress), "position": String(a.position)],
                             texts: ["title": a.title, "responsible": a.responsible, "deliverable": a.deliverable])
    }

    static func snapshot(_ i: PlanIndicator) -> [String: String] {
        FieldChange.snapshot(["kind": i.kind, "baseline": i.baseline.map(NumberText.plain) ?? "", "baseline_date": i.baselineDate ?? "",
                              "target": i.target.map(NumberText.plain) ?? "", "target_date": i.targetDate ?? "", "source": i.source ?? ""],
                             texts: ["indicator_name": i.name, "unit": i.unit])
    }

    static func snapshot(_ l: BudgetLine) -> [String: String] {
        FieldChange.snapshot(["budget_kind": l.kind.rawValue, "amount": "\(NumberText.plain(l.amount)) \(l.currency)", "date": l.date,
                              "activity": l.activityID.map(String.init) ?? "", "evidence": l.evidenceLabel ?? ""],
                             texts: ["label": l.label])
    }

    static func snapshot(_ p: Plan) -> [String: String] {
        FieldChange.snapshot(["start_year": String(p.startYear), "end_year": String(p.endYear), "status": p.status.rawValue,
                              "drafting_opens": p.draftingOpens ?? "", "drafting_closes": p.draftingCloses ?? ""],
                             texts: ["title": p.title, "description": p.description])
    }
}
