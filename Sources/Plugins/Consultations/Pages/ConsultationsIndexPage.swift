import CivicSDK

/// `{root}/consultations`: every public consultation with its phase, dates and number of answers.
struct ConsultationsIndexPage: PageModel {
    static let template = "index"
    static let fields = TemplateFields<Self>(["consultations": \.consultations, "hasConsultations": \.hasConsultations,
                                              "feedHref": \.feedHref, "apiHref": \.apiHref, "follow": \.follow])

    struct Item: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "phase": \.phase, "opens": \.opens, "closes": \.closes,
                                                  "answers": \.answers, "sample": \.sample])
        let title: String, href: String, phase: String, opens: TimeText, closes: TimeText, answers: Int, sample: Bool
    }

    let consultations: [Item], feedHref: String, apiHref: String
    /// Editors see drafts in the list: their page is not shared.
    let editor: Bool
    /// The follow button for every consultation (HTML from the host).
    let follow: String

    var hasConsultations: Bool { !consultations.isEmpty }
}
