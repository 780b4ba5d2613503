import CivicSDK
import Foundation
import GRDB

/// The demo consultation: which commitments matter most, and suggestions for the mid-term revision
/// of the action plan. Marked as sample.
enum ConsultationSample {
    static func install(_ db: Database, now: Date = Date()) throws {
        var consultation = Consultation(
            id: nil,
            title: ["fr": "Révision à mi-parcours du plan d'action (exemple)", "ar": "مراجعة منتصف المدة لخطة العمل (مثال)",
                    "en": "Mid-term revision of the action plan (sample)"],
            description: [
                "fr": "La commune révise son plan d'action à mi-parcours. Dites-nous quels engagements comptent le plus pour vous et ce qu'il faudrait changer. Consultation d'exemple créée par OpenCommune.",
                "ar": "تراجع الجماعة خطة عملها في منتصف المدة. أخبرونا بالالتزامات الأهم بالنسبة لكم وبما يجب تغييره. استشارة على سبيل المثال أنشأها OpenCommune.",
                "en": "The commune is revising its action plan at mid-term. Tell us which commitments matter most to you and what should change. Sample consultation made by OpenCommune.",
            ],
            subject: "plans:commitment:2", opensAt: now.addingTimeInterval(-86_400), closesAt: now.addingTimeInterval(60 * 86_400),
            audience: .anyone, status: .open, sample: true, createdAt: now, updatedAt: now)
        try consultation.insert(db)
        let id = consultation.id ?? 0
        let questions: [(QuestionType, LocalizedText, LocalizedText, Bool, [LocalizedText], Int, Int)] = [
            (.section, ["fr": "Vos priorités", "ar": "أولوياتكم", "en": "Your priorities"], [:], false, [], 0, 0),
            (.ranking, ["fr": "Classez ces thèmes du plus important au moins important", "ar": "رتبوا هذه المحاور من الأهم إلى الأقل أهمية",
                        "en": "Rank these themes from most to least important"],
             ["fr": "1 = le plus important.", "ar": "1 = الأهم.", "en": "1 = most important."], true,
             [["fr": "Transparence budgétaire", "ar": "شفافية الميزانية", "en": "Budget transparency"],
              ["fr": "Participation des jeunes", "ar": "مشاركة الشباب", "en": "Youth participation"],
              ["fr": "Accès à l'information", "ar": "الحصول على المعلومات", "en": "Access to information"]], 0, 0),
            (.multiple, ["fr": "Comment voulez-vous être informé·e ?", "ar": "كيف تريدون أن تُخبَروا؟", "en": "How do you want to be informed?"],
             ["fr": "Deux choix au plus.", "ar": "اختياران على الأكثر.", "en": "Two choices at most."], false,
             [["fr": "Site de la commune", "ar": "موقع الجماعة", "en": "Commune website"],
              ["fr": "Réunions publiques", "ar": "اجتماعات عمومية", "en": "Public meetings"],
              ["fr": "Réseaux sociaux", "ar": "شبكات التواصل الاجتماعي", "en": "Social media"],
              ["fr": "Affichage en mairie", "ar": "الإعلانات بمقر الجماعة", "en": "Notices at the town hall"]], 0, 2),
            (.scale, ["fr": "Êtes-vous satisfait·e de l'avancement du plan ?", "ar": "هل أنتم راضون عن تقدم الخطة؟",
                      "en": "Are you satisfied with the plan's progress?"],
             ["fr": "1 = pas du tout, 5 = tout à fait.", "ar": "1 = إطلاقا، 5 = تماما.", "en": "1 = not at all, 5 = completely."], true, [], 0, 0),
            (.section, ["fr": "Vos suggestions", "ar": "اقتراحاتكم", "en": "Your suggestions"], [:], false, [], 0, 0),
            (.yesNo, ["fr": "Avez-vous déjà participé à une réunion publique de la commune ?", "ar": "هل سبق أن شاركتم في اجتماع عمومي للجماعة؟",
                      "en": "Have you ever attended a public meeting of the commune?"], [:], false, [], 0, 0),
            (.longText, ["fr": "Que faudrait-il changer dans le plan ?", "ar": "ما الذي يجب تغييره في الخطة؟", "en": "What should change in the plan?"],
             ["fr": "Votre réponse sera publiée avec les résultats, sans votre nom.", "ar": "سينشر جوابكم مع النتائج دون اسمكم.",
              "en": "Your answer will be published with the results, without your name."], false, [], 0, 0),
        ]
        for (index, item) in questions.enumerated() {
            var question = Question(id: nil, consultationID: id, position: index + 1, type: item.0, title: item.1, help: item.2, required: item.3,
                                    minChoices: item.5, maxChoices: item.6, scaleMin: 1, scaleMax: 5)
            try question.insert(db)
            for (position, label) in item.4.enumerated() {
                var option = QuestionOption(id: nil, questionID: question.id ?? 0, position: position + 1, label: label)
                try option.insert(db)
            }
        }
        try AuditEntry(accountID: nil, actorName: "system", module: ConsultationsModule.id, action: "create", itemType: "consultation",
                       itemID: String(id), summary: "sample", changes: []).insert(db)
    }
}
