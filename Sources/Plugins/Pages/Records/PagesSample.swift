import CivicSDK
import Foundation
import GRDB

/// Sample pages for a demo tenant. Their text says they are samples, so no visitor takes them for official content.
enum PagesSample {
    static func install(_ db: Database, _ tenant: Tenant) throws {
        let pages: [(String, LocalizedText, LocalizedText)] = tenant.kind == .commune ? [
            ("plan-d-action", [
                "fr": "À propos du plan d'action", "ar": "حول خطة العمل", "en": "About the action plan",
            ], [
                "fr": """
                *Contenu d'exemple.*

                La commune s'est engagée, dans le cadre du Partenariat pour un gouvernement ouvert (OGP Local), \
                à mettre en œuvre son plan d'action communal **« Tétouan, commune ouverte 2023-2026 »**, \
                réorganisé à mi-parcours en cinq engagements.

                Ce site publie l'avancement de chaque engagement, les rapports annuels de suivi et les \
                contributions des citoyens.
                """,
                "ar": """
                *محتوى على سبيل المثال.*

                التزمت الجماعة، في إطار شراكة الحكومة المنفتحة (OGP Local)، بتنفيذ برنامج عملها \
                **«تطوان، جماعة منفتحة 2023-2026»**، الذي أعيد تنظيمه في منتصف المدة في خمسة التزامات.

                ينشر هذا الموقع مدى تقدم كل التزام وتقارير التتبع السنوية ومساهمات المواطنين.
                """,
                "en": """
                *Sample content.*

                Under the Open Government Partnership (OGP Local), the commune committed to carry out its \
                communal action plan **"Tétouan, open commune 2023-2026"**, reorganised at mid-term into five commitments.

                This site publishes the progress of each commitment, the yearly monitoring reports and citizens' input.
                """,
            ]),
            ("participer", [
                "fr": "Comment participer", "ar": "كيف تشارك", "en": "How to take part",
            ], [
                "fr": "*Contenu d'exemple.*\n\n1. Créez un compte citoyen.\n2. Lisez le plan d'action et ses engagements.\n3. Donnez votre avis lors des consultations : chaque suggestion reçoit une réponse motivée.",
                "ar": "*محتوى على سبيل المثال.*\n\n1. أنشئ حسابًا.\n2. اطلع على خطة العمل والتزاماتها.\n3. شارك برأيك في الاستشارات: كل اقتراح يتلقى ردًا معللًا.",
                "en": "*Sample content.*\n\n1. Create a citizen account.\n2. Read the action plan and its commitments.\n3. Give your opinion in consultations: every suggestion gets a reasoned answer.",
            ]),
        ] : [
            ("a-propos", [
                "fr": "À propos de l'instance", "ar": "حول الهيئة", "en": "About the instance",
            ], [
                "fr": "*Contenu d'exemple.*\n\nInstance consultative créée auprès du conseil communal en application de l'article 120 de la loi organique n° 113-14. Elle émet des avis sur les questions qui relèvent de son domaine.",
                "ar": "*محتوى على سبيل المثال.*\n\nهيئة استشارية محدثة لدى المجلس الجماعي تطبيقًا للمادة 120 من القانون التنظيمي رقم 113.14. تبدي رأيها في القضايا التي تدخل في مجال اختصاصها.",
                "en": "*Sample content.*\n\nConsultative instance set up with the communal council under article 120 of organic law 113-14. It gives opinions on matters within its field.",
            ]),
        ]
        for (index, (slug, title, body)) in pages.enumerated() {
            let now = Date()
            var page = Page(slug: slug, title: title, body: body, published: true, position: index, createdAt: now, updatedAt: now)
            try page.insert(db)
            let entry = AuditEntry(accountID: nil, actorName: "system", module: PagesModule.id, action: "create", itemType: "page",
                                   itemID: String(page.id ?? 0), summary: "\(slug) (sample)", changes: FieldChange.diff(old: [:], new: page.auditFields))
            try entry.insert(db)
        }
    }
}
