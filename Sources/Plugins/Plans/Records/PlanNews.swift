import CivicSDK
import Foundation
import GRDB

/// What the plan's followers hear (see ``FollowNews``): news of a commitment reaches those who follow
/// it and those who follow the whole plan (`plan:current`). Only what the public can see is told.
enum PlanNews {
    /// The whole plan, as followers name it.
    static let plan = (kind: "plan", key: "current")

    /// News of `commitment` (published, in the public plan), recorded in the caller's transaction.
    static func commitment(_ db: Database, _ commitment: Commitment, headline: String, detail: LocalizedText? = nil, context: CivicContext) throws {
        guard commitment.published, let plan = try Plan.current(db), plan.isPublic, plan.id == commitment.planID else { return }
        try context.announce(db, FollowNews(
            kind: "commitment", key: String(commitment.number), within: [Self.plan],
            title: LocalizedText(commitment.title.values.mapValues { "\(commitment.number). \($0)" }),
            path: PlanRoute.commitment(commitment.number).path, headline: context.inEveryLanguage(headline), detail: detail))
    }

    /// News of the whole plan (a revision, its status), when it is public.
    static func plan(_ db: Database, _ plan: Plan, headline: String, detail: LocalizedText? = nil, context: CivicContext) throws {
        guard plan.isPublic else { return }
        try context.announce(db, FollowNews(kind: Self.plan.kind, key: Self.plan.key, title: plan.title, path: PlanRoute.plan.path,
                                            headline: context.inEveryLanguage(headline), detail: detail))
    }

    /// An update's text, after the progress it reports ("60 % — …") in each language.
    static func progressDetail(_ text: LocalizedText, progress: Int?, context: CivicContext) -> LocalizedText {
        guard let progress else { return text }
        return LocalizedText(each: context.tenant.locales) { locale in
            let percent = PercentText(progress, locale: locale, digits: context.tenant.formats.digits).text
            return [percent, text.resolve(locale, fallbacks: context.fallbackLocales)].filter { !$0.isEmpty }.joined(separator: " — ")
        }
    }
}
