import CivicSDK
import Foundation
import GRDB

/// The demo plan of Tétouan with commitment n°2 as its reference sheet records it (titles, service,
/// principle, activity dates, expected results, indicators). Progress is not in the sheet, so none is
/// invented: activities start "not started", and the one progress update is marked as sample.
enum PlanSample {
    static func install(_ db: Database) throws {
        let now = Date()
        var plan = Plan(
            title: ["fr": "Tétouan, commune ouverte 2023-2026", "ar": "تطوان، جماعة منفتحة 2023-2026", "en": "Tétouan, open commune 2023-2026"],
            description: [
                "fr": "Plan d'action communal au titre d'OGP Local, réorganisé à mi-parcours en cinq engagements. Démonstration : seul l'engagement n° 2 est saisi, et l'avancement de ses activités n'a pas encore été renseigné.",
                "ar": "برنامج عمل الجماعة في إطار OGP Local، أعيد تنظيمه في منتصف المدة في خمسة التزامات. للعرض: أُدخل الالتزام رقم 2 وحده، ولم يُسجَّل بعد تقدم أنشطته.",
                "en": "Communal action plan under OGP Local, reorganised at mid-term into five commitments. Demonstration: only commitment no. 2 is entered, and its activities' progress has not been recorded yet.",
            ],
            startYear: 2023, endYear: 2026, status: .inForce, createdAt: now, updatedAt: now)
        try plan.insert(db)
        var commitment = Commitment(
            planID: plan.id ?? 0, number: 2,
            title: ["fr": "Suivi public de la mise en œuvre des plans d'action", "ar": "التتبع العمومي لتنفيذ خطط العمل",
                    "en": "Public monitoring of the implementation of action plans"],
            principles: OGPPrinciple.accountability.rawValue,
            leadServices: ["fr": "Service de digitalisation et de la logistique informatique", "ar": "مصلحة الرقمنة واللوجستيك المعلوماتي",
                           "en": "Digitalisation and IT logistics service"],
            otherActors: [:],
            problem: [
                "fr": "Le rapport de suivi du plan d'action communal est élaboré chaque année et présenté en séance publique du conseil, et un résumé est affiché au siège de la commune ; mais lors de l'actualisation à mi-parcours, les citoyens disposent de peu d'informations sur l'état d'avancement.",
                "ar": "يُعدّ تقرير تتبع برنامج عمل الجماعة سنويًا ويُعرض في دورة علنية للمجلس ويُعلَّق ملخصه بمقر الجماعة؛ لكن عند التحيين في منتصف المدة لا يتوفر المواطنون إلا على القليل من المعلومات حول مدى التقدم.",
                "en": "The monitoring report of the communal action plan is drawn up every year and presented at a public council session, and a summary is posted at the town hall; yet when the plan is updated at mid-term, citizens have little information on how far it has got.",
            ],
            solution: [
                "fr": "Lors de la refonte du portail de la commune, une page consacrée à l'élaboration participative du plan d'action, au suivi de sa mise en œuvre et à son actualisation, avec des consultations publiques ; et un site dédié à la cocréation, au suivi et à l'actualisation du plan et à l'expression des instances consultatives.",
                "ar": "عند إعادة تصميم بوابة الجماعة، صفحة مخصصة للإعداد التشاركي لبرنامج العمل وتتبع تنفيذه وتحيينه مع استشارات عمومية؛ وموقع مخصص للإبداع المشترك والتتبع والتحيين ولتعبير الهيئات الاستشارية.",
                "en": "When the commune's portal is rebuilt, a page devoted to drawing up the action plan with citizens, monitoring and updating it, with public consultations; and a site for co-creating, monitoring and updating the plan, where the consultative instances can speak.",
            ],
            expectedResults: [
                "fr": "Une plateforme permettant aux citoyens de consulter le plan d'action et l'état de sa mise en œuvre, avec un suivi en ligne du plan « Tétouan, commune ouverte 2023-2026 ».",
                "ar": "منصة تمكن المواطنين من الاطلاع على برنامج العمل ومدى تنفيذه، مع تتبع إلكتروني لخطة «تطوان، جماعة منفتحة 2023-2026».",
                "en": "A platform where citizens can read the action plan and how far it has been implemented, with online monitoring of the plan \"Tétouan, open commune 2023-2026\".",
            ],
            status: "in_progress", completion: "not_started", published: true, position: 2, updatedAt: now)
        try commitment.insert(db)
        let commitmentID = commitment.id ?? 0
        let activities: [(LocalizedText, String, String)] = [
            (["fr": "Développement et mise en ligne d'un site web (plan d'action : Tétouan, commune ouverte 2023-2026)",
              "ar": "تطوير موقع إلكتروني ووضعه رهن الإشارة (خطة العمل: تطوان، جماعة منفتحة 2023-2026)",
              "en": "Build and launch a website (action plan: Tétouan, open commune 2023-2026)"], "2023-01", "2023-02"),
            (["fr": "Conception et réalisation d'une page du site de la commune consacrée à l'élaboration et au suivi participatif du plan d'action communal",
              "ar": "تصميم وإنجاز صفحة بموقع الجماعة مخصصة للإعداد والتتبع التشاركي لبرنامج عمل الجماعة",
              "en": "Design and build a page of the commune's website for drawing up and monitoring the action plan with citizens"], "2023-06", "2023-12"),
            (["fr": "Mise en ligne du rapport annuel de suivi de la mise en œuvre du plan d'action communal",
              "ar": "نشر التقرير السنوي لتتبع تنفيذ برنامج عمل الجماعة على الإنترنت",
              "en": "Publish online the annual report on the implementation of the communal action plan"], "2024-02", "2024-03"),
            (["fr": "Publication des informations relatives à la réactivité des citoyens",
              "ar": "نشر المعلومات المتعلقة بتفاعل المواطنين",
              "en": "Publish information on citizens' responsiveness"], "2025-02", "2025-03"),
        ]
        var activityIDs: [Int64] = []
        for (position, (title, start, end)) in activities.enumerated() {
            var activity = Activity(commitmentID: commitmentID, title: title, plannedStart: start, plannedEnd: end, actualStart: nil, actualEnd: nil,
                                    status: "not_started", progress: 0, responsible: commitment.leadServices, deliverable: [:], position: position)
            try activity.insert(db)
            activityIDs.append(activity.id ?? 0)
        }
        try installBudget(db, commitmentID: commitmentID, activityIDs: activityIDs)
        var result = PlanIndicator(commitmentID: commitmentID, name: ["fr": "Nombre de rapports publiés", "ar": "عدد التقارير المنشورة",
                                                                      "en": "Number of reports published"],
                                   kind: "result", unit: [:], baseline: nil, target: nil, source: "reports.published", position: 0)
        try result.insert(db)
        var impact = PlanIndicator(commitmentID: commitmentID, name: ["fr": "Nombre de commentaires et suggestions reçus",
                                                                      "ar": "عدد التعليقات والاقتراحات المتوصل بها",
                                                                      "en": "Number of comments and suggestions received"],
                                   kind: "impact", unit: [:], baseline: nil, target: nil, source: "feedback.received", position: 1)
        try impact.insert(db)
        var update = ProgressUpdate(commitmentID: commitmentID, activityID: nil, date: "2026-11-01",
                                    text: ["fr": "Exemple de point d'étape : la plateforme de suivi du plan est en ligne en version de démonstration.",
                                           "ar": "مثال على نقطة مرحلية: منصة تتبع الخطة متاحة في نسخة تجريبية.",
                                           "en": "Example progress note: the plan monitoring platform is online as a demonstration."],
                                    newProgress: nil, newStatus: nil, sample: true, author: "system", evidence: nil, evidenceLabel: nil)
        try update.insert(db)
        let entry = AuditEntry(accountID: nil, actorName: "system", module: PlansModule.id, action: "create", itemType: "commitment",
                               itemID: String(commitmentID), summary: "2 (sample)", changes: [])
        try entry.insert(db)
    }

    /// Example amounts (the reference sheet gives none), each labelled as an example: the commitment's
    /// planned budget, then the portal page's contract committed and partly paid.
    private static func installBudget(_ db: Database, commitmentID: Int64, activityIDs: [Int64]) throws {
        let portal = activityIDs.count > 1 ? activityIDs[1] : nil
        let lines: [(BudgetLine.Kind, Double, String, Int64?, LocalizedText)] = [
            (.planned, 450_000, "2023-03-15", nil, ["fr": "Exemple : budget prévu au plan d'action", "ar": "مثال: الميزانية المبرمجة في خطة العمل",
                                                     "en": "Example: budget planned in the action plan"]),
            (.committed, 180_000, "2023-07-10", portal, ["fr": "Exemple : marché de réalisation de la page du plan", "ar": "مثال: صفقة إنجاز صفحة الخطة",
                                                          "en": "Example: contract to build the plan's page"]),
            (.spent, 90_000, "2023-10-31", portal, ["fr": "Exemple : premier décompte", "ar": "مثال: الكشف الأول", "en": "Example: first payment"]),
            (.spent, 72_000, "2024-01-31", portal, ["fr": "Exemple : décompte final", "ar": "مثال: الكشف النهائي", "en": "Example: final payment"]),
        ]
        for (kind, amount, date, activity, label) in lines {
            var line = BudgetLine(commitmentID: commitmentID, activityID: activity, kind: kind, amount: amount, currency: "MAD", date: date, label: label,
                                  evidence: nil, evidenceLabel: nil, sample: true, author: "system", createdAt: Date())
            try line.insert(db)
        }
    }
}
