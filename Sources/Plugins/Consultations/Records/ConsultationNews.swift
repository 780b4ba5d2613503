import CivicSDK
import Foundation
import GRDB

/// What followers of a consultation, or of all consultations, hear (see ``FollowNews``): that it was
/// announced or opened, that it closed, that its results are out.
enum ConsultationNews {
    /// Staff moved `consultation` from `old` to its status: the news that says so, in the caller's transaction.
    static func statusChanged(_ db: Database, from old: Consultation.Status, to consultation: Consultation, context: CivicContext) throws {
        guard old != consultation.status, consultation.isPublic else { return }
        let headline: String, detail: LocalizedText?
        switch consultation.status {
        case .open where old == .draft:
            let upcoming = consultation.phase() == .upcoming
            headline = upcoming ? "consultations.news.announced" : "consultations.news.opened"
            detail = dates(consultation, context: context)
        case .closed: (headline, detail) = ("consultations.news.closed", nil)
        case .published: (headline, detail) = ("consultations.news.results", nil)
        case .open, .draft: return
        }
        try context.announce(db, FollowNews(kind: "consultation", key: String(consultation.id ?? 0),
                                            within: [(ConsultationsModule.list.kind, ConsultationsModule.list.key)],
                                            title: consultation.title, path: ConsultationRoute.consultation(consultation.id ?? 0).path,
                                            headline: context.inEveryLanguage(headline), detail: detail))
    }

    /// "From … to …" in every language of the tenant.
    private static func dates(_ consultation: Consultation, context: CivicContext) -> LocalizedText {
        LocalizedText(each: context.tenant.locales) { locale in
            let dates = DateText(locale: locale, formats: context.tenant.formats)
            let words = context.renderer.text("consultations.news.period", module: context.module, locale: locale)
            return String(format: words, dates.dateTime(consultation.opensAt).text, dates.dateTime(consultation.closesAt).text)
        }
    }
}
