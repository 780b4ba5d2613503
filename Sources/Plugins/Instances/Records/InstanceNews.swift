import CivicSDK
import Foundation
import GRDB

/// What the instance's followers hear (see ``FollowNews``): a meeting planned or its minutes, an
/// opinion adopted or the commune's follow-up of it. Followers follow the instance itself (`profile:1`).
enum InstanceNews {
    /// The instance as a whole, as followers name it.
    static let instance = (kind: "profile", key: "1")

    /// "Réunion du 3 décembre 2026", in each language.
    static func title(_ meeting: Meeting, tenant: Tenant) -> LocalizedText {
        let day = { (locale: String) in DateText(locale: locale, formats: tenant.formats).day(meeting.day).text }
        return LocalizedText(["fr": "Réunion du \(day("fr"))", "ar": "اجتماع \(day("ar"))", "en": "Meeting of \(day("en"))"])
    }

    /// A meeting was planned (`new`) or changed, in the caller's transaction.
    static func meeting(_ db: Database, _ meeting: Meeting, new: Bool, context: CivicContext) throws {
        try context.announce(db, FollowNews(kind: "meeting", key: String(meeting.id ?? 0), within: [instance],
                                            title: title(meeting, tenant: context.tenant), path: InstanceRoute.meeting(meeting.id ?? 0).path,
                                            headline: context.inEveryLanguage(new ? "instances.news.meeting" : "instances.news.meeting_changed"),
                                            detail: meeting.agenda))
    }

    /// An opinion was adopted (`new`), changed, or followed up by the commune.
    static func opinion(_ db: Database, _ opinion: Opinion, headline: String, detail: LocalizedText?, context: CivicContext) throws {
        try context.announce(db, FollowNews(kind: "opinion", key: String(opinion.id ?? 0), within: [instance], title: opinion.title,
                                            path: InstanceRoute.opinion(opinion.id ?? 0).path, headline: context.inEveryLanguage(headline),
                                            detail: detail))
    }
}
