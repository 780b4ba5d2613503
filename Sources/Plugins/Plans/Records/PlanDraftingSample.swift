import CivicSDK
import Foundation
import GRDB

/// The demo's next plan, drafted with citizens: a revision starting from commitment n°2, a phase open
/// from a fortnight ago for two months, and sample proposals — one turned into a draft commitment,
/// one merged into n°2, one out of scope, one awaiting an answer — and a comment from a public hearing.
/// Proposals and answers are written as the host stores suggestions (its `feedback` tables), as the
/// sample's audit entries are; each is marked as an example in its text.
enum PlanDraftingSample {
    static func install(_ db: Database, now: Date = Date()) throws {
        let day = { (offset: Int) in ISODate.day(of: Calendar(identifier: .gregorian).date(byAdding: .day, value: offset, to: now) ?? now) }
        var plan = Plan(title: ["fr": "Tétouan, commune ouverte 2027-2030 (projet)", "ar": "تطوان، جماعة منفتحة 2027-2030 (مشروع)",
                                "en": "Tétouan, open commune 2027-2030 (draft)"],
                        description: ["fr": "Exemple : le prochain plan d'action, élaboré avec les citoyens à partir du plan en vigueur.",
                                      "ar": "مثال: خطة العمل المقبلة، تُعدّ مع المواطنين انطلاقا من الخطة الجاري بها العمل.",
                                      "en": "Example: the next action plan, drafted with citizens from the plan in force."],
                        startYear: 2027, endYear: 2030, status: .draft, createdAt: now, updatedAt: now,
                        draftingOpens: day(-15), draftingCloses: day(60))
        try plan.insert(db)
        let planID = plan.id ?? 0
        guard let source = try Commitment.filter(Commitment.Columns.number == 2 && Commitment.Columns.planID != planID).fetchOne(db) else { return }
        var revised = source
        revised.id = nil
        revised.planID = planID
        try revised.insert(db)

        let proposals: [(title: LocalizedText, body: String, channel: String, outcome: String?, reason: LocalizedText)] = [
            (["fr": "Budget participatif par quartier"], "Exemple : réserver une part du budget d'investissement à des projets choisis par les habitants de chaque quartier.",
             "online", "adopted", ["fr": "Exemple : proposition retenue ; elle devient l'engagement en projet n° 6.", "ar": "مثال: مقترح مقبول؛ أصبح الالتزام المقترح رقم 6.",
                                   "en": "Example: adopted; it becomes draft commitment no. 6."]),
            (["fr": "Marchés publics en données ouvertes"], "Exemple : publier chaque marché public, son attributaire et son montant, en données ouvertes.",
             "hearing", "partly_adopted", ["fr": "Exemple : retenue en partie, fusionnée dans l'engagement n° 2 (publication des marchés du plan).",
                                           "ar": "مثال: مقبول جزئيا، أُدمج في الالتزام رقم 2 (نشر صفقات الخطة).",
                                           "en": "Example: partly adopted, merged into commitment no. 2 (publishing the plan's contracts)."]),
            (["fr": "Wifi gratuit dans toutes les rues"], "Exemple : installer un accès wifi gratuit dans toutes les rues de la ville.",
             "paper", "out_of_scope", ["fr": "Exemple : hors des compétences de la commune et sans lien avec le gouvernement ouvert ; transmise au service concerné.",
                                       "ar": "مثال: خارج اختصاصات الجماعة ولا علاقة له بالحكومة المنفتحة؛ أُحيل على المصلحة المعنية.",
                                       "en": "Example: outside the commune's powers and unrelated to open government; passed on to the service concerned."]),
            (["fr": "Audiences publiques en soirée"], "Exemple : tenir les audiences publiques du plan après 18 h pour que les personnes qui travaillent puissent venir.",
             "online", nil, [:]),
        ]
        var adoptedID: Int64?
        for (index, proposal) in proposals.enumerated() {
            let id = try insertFeedback(db, item: "proposals:\(planID)", kind: "suggestion", title: proposal.title.values["fr"], body: proposal.body,
                                        channel: proposal.channel, at: now.addingTimeInterval(Double(index - 10) * 86_400))
            if let outcome = proposal.outcome {
                try db.execute(sql: """
                    INSERT INTO feedback_response (feedback_id, outcome, reason, target, responder_name, responded_at) VALUES (?, ?, ?, NULL, 'system', ?)
                    """, arguments: [id, outcome, proposal.reason, now.addingTimeInterval(Double(index - 5) * 86_400)])
            }
            if proposal.outcome == "adopted" { adoptedID = id }
        }
        var fromProposal = Commitment(planID: planID, number: 6, title: ["fr": "Budget participatif par quartier (exemple)", "ar": "ميزانية تشاركية لكل حي (مثال)",
                                                                          "en": "Participatory budget per neighbourhood (example)"],
                                      principles: "participation", leadServices: source.leadServices, otherActors: [:],
                                      problem: ["fr": "Exemple : les habitants n'ont pas de prise sur les investissements de leur quartier."],
                                      solution: [:], expectedResults: [:], status: "not_started", completion: "not_started", published: true,
                                      position: 6, updatedAt: now, proposal: adoptedID)
        try fromProposal.insert(db)
        if let adoptedID {
            try db.execute(sql: "UPDATE feedback_response SET target = ? WHERE feedback_id = ?", arguments: ["\(PlansModule.id):draft:\(fromProposal.id ?? 0)", adoptedID])
        }
        _ = try insertFeedback(db, item: "draft:\(revised.id ?? 0)", kind: "comment", title: nil,
                               body: "Exemple (audience publique) : afficher aussi le suivi du plan au siège de chaque arrondissement.", channel: "hearing",
                               at: now.addingTimeInterval(-3 * 86_400))
    }

    private static func insertFeedback(_ db: Database, item: String, kind: String, title: String?, body: String, channel: String, at: Date) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO feedback (module, item, kind, title, body, author_name, author_contact, locale, channel, received_at, body_hash, client_key)
            VALUES (?, ?, ?, ?, ?, ?, '', 'fr', ?, ?, ?, '')
            """, arguments: [PlansModule.id, item, kind, title, body, "Exemple", channel, at, "sample:\(item):\(at.timeIntervalSince1970)"])
        return db.lastInsertedRowID
    }
}
