import CivicSDK
import Foundation
import GRDB

/// The demo instance's section: its real legal basis and mission, and sample members, meetings and
/// an opinion, marked as sample (the names are not real people).
enum InstanceSample {
    static func install(_ db: Database, now: Date = Date()) throws {
        let calendar = Calendar(identifier: .gregorian)
        let day = { (offset: Int) in ISODate.day(of: calendar.date(byAdding: .day, value: offset, to: now) ?? now) }
        try InstanceProfile(
            legalBasis: ["fr": "Article 120 de la loi organique n° 113-14 relative aux communes", "ar": "المادة 120 من القانون التنظيمي رقم 113.14 المتعلق بالجماعات",
                         "en": "Article 120 of organic law no. 113-14 on communes"],
            mission: ["fr": "L'instance de l'équité, de l'égalité des chances et de l'approche genre étudie les questions d'égalité et donne son avis au conseil communal.",
                      "ar": "تدرس هيئة المساواة وتكافؤ الفرص ومقاربة النوع القضايا المتعلقة بالمساواة وتبدي رأيها للمجلس الجماعي.",
                      "en": "The instance for equity, equal opportunity and gender studies equality questions and gives its opinion to the communal council."],
            composition: ["fr": "Personnalités de la société civile proposées par le président du conseil (exemple).",
                          "ar": "شخصيات من المجتمع المدني يقترحها رئيس المجلس (مثال).", "en": "Civil-society figures proposed by the council's president (sample)."],
            mandateStart: "2021-10-01", mandateEnd: "2027-09-30", contact: "ieecag@example.org", updatedAt: now).insert(db)
        let members: [(String, Member.Role, LocalizedText, String, String?)] = [
            ("Présidente (exemple)", .president, ["fr": "Association de quartier", "ar": "جمعية الحي", "en": "Neighbourhood association"], "2021-10-01", nil),
            ("Rapporteur (exemple)", .rapporteur, ["fr": "Enseignant", "ar": "أستاذ", "en": "Teacher"], "2021-10-01", nil),
            ("Membre (exemple)", .member, ["fr": "Association de jeunes", "ar": "جمعية شبابية", "en": "Youth association"], "2021-10-01", nil),
            ("Ancien membre (exemple)", .member, ["fr": "Coopérative féminine", "ar": "تعاونية نسائية", "en": "Women's cooperative"], "2021-10-01", "2023-06-30"),
        ]
        for (name, role, quality, start, end) in members {
            var member = Member(id: nil, name: name, role: role, quality: quality, startedOn: start, endedOn: end, photo: nil, photoAlt: [:], sample: true)
            try member.insert(db)
        }
        var held = Meeting(id: nil, startsAt: day(-40) + "T10:00", place: ["fr": "Salle du conseil, hôtel de ville", "ar": "قاعة المجلس، مقر الجماعة",
                                                                           "en": "Council chamber, town hall"],
                           agenda: ["fr": "Avis sur l'accessibilité des services communaux (exemple)", "ar": "رأي حول ولوجية المرافق الجماعية (مثال)",
                                    "en": "Opinion on the accessibility of communal services (sample)"],
                           status: .held, minutesText: ["fr": "Réunion d'exemple : l'avis a été adopté à l'unanimité.", "ar": "اجتماع على سبيل المثال: تمت المصادقة على الرأي بالإجماع.",
                                                        "en": "Sample meeting: the opinion was adopted unanimously."],
                           minutesFile: nil, attendance: 9, sample: true, updatedAt: now)
        try held.insert(db)
        var planned = Meeting(id: nil, startsAt: day(20) + "T15:00", place: held.place,
                              agenda: ["fr": "Préparation du rapport annuel (exemple)", "ar": "إعداد التقرير السنوي (مثال)", "en": "Preparing the annual report (sample)"],
                              status: .planned, minutesText: [:], minutesFile: nil, attendance: nil, sample: true, updatedAt: now)
        try planned.insert(db)
        var opinion = Opinion(id: nil, title: ["fr": "Avis sur l'accessibilité des services communaux (exemple)", "ar": "رأي حول ولوجية المرافق الجماعية (مثال)",
                                               "en": "Opinion on the accessibility of communal services (sample)"],
                              adoptedOn: day(-40), subject: ["fr": "Accueil des personnes en situation de handicap", "ar": "استقبال الأشخاص في وضعية إعاقة",
                                                            "en": "Welcoming people with disabilities"],
                              body: ["fr": "L'instance recommande une rampe d'accès et un guichet abaissé dans chaque annexe administrative.",
                                     "ar": "توصي الهيئة بإنشاء ممر ولوج وشباك منخفض في كل ملحقة إدارية.",
                                     "en": "The instance recommends an access ramp and a lowered counter in every administrative annex."],
                              file: nil, followUp: .underStudy, followUpReason: ["fr": "Chiffrage en cours par le service technique (exemple).",
                                                                                 "ar": "التقدير المالي جار من طرف المصلحة التقنية (مثال).",
                                                                                 "en": "Being costed by the technical department (sample)."],
                              followUpOn: day(-10), sample: true, updatedAt: now)
        try opinion.insert(db)
        try AuditEntry(accountID: nil, actorName: "system", module: InstancesModule.id, action: "create", itemType: "profile", itemID: "1",
                       summary: "sample", changes: []).insert(db)
    }
}
