import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Citizen reactivity in public: what was received, through which channel, what came of it, and how
/// fast staff answer; as a page (figures, bars with their table twin, latest input) and as JSON.
struct FeedbackStatsRoutes {
    let feedback: FeedbackService
    private var links: HostLinks { feedback.links }

    func register(on router: Router<CivicContext>) {
        router.get("feedback", use: page)
        router.get("api/v1/feedback/stats", use: statsJSON)
        router.get("api/v1/feedback/thread", use: threadJSON)
        router.get("api/v1/feedback", use: listJSON)
    }

    /// Every public comment and suggestion with its answer, newest first, for reuse (the open-data
    /// archive's `feedback-N.json`): about items the public can see, without hidden texts, and
    /// without authors' names, which are shown on the site but not handed out for reuse.
    @Sendable func listJSON(_ request: Request, context: CivicContext) async throws -> Response {
        let page = try APIPage(request)
        let subjects = Dictionary(((try await links.targets(context, for: [.feedback]))[.feedback] ?? []).map { ($0.id, $0.title) },
                                  uniquingKeysWith: { first, _ in first })
        let general = FeedbackService.generalTitle(context)
        let all = try await context.database.read { db in try FeedbackStore.shown(db) }
            .compactMap { entry -> (FeedbackEntry, LocalizedText)? in
                let id = "\(entry.module):\(entry.item)"
                return (id == "core:general" ? general : subjects[id]).map { (entry, $0) }
            }
        let entries = page.slice(all).map { entry, title in
            FeedbackListDocument.Entry(id: entry.id, subject: "\(entry.module):\(entry.item)", subjectTitle: title, kind: entry.kind.rawValue,
                                       channel: entry.channel.rawValue, language: entry.locale, receivedAt: entry.receivedAt.formatted(.iso8601),
                                       title: entry.title, body: entry.body, edited: entry.editedAt != nil,
                                       response: entry.response.map { .init(outcome: $0.outcome.rawValue, reason: $0.reason, target: $0.target,
                                                                            respondedAt: $0.respondedAt.formatted(.iso8601)) })
        }
        var response = try JSONBody.response(FeedbackListDocument(entries: entries))
        page.paginate(&response, total: all.count, path: context.request.path)
        return response
    }

    @Sendable func page(_ request: Request, context: CivicContext) async throws -> Response {
        let (stats, months, recent) = try await context.database.read { db in
            (try FeedbackStats.load(db), try FeedbackStats.months(db, tenant: context.tenant), try FeedbackStore.queue(db, filter: .all, limit: 60, offset: 0))
        }
        let found = try await links.targets(context, for: [.link, .feedback])
        let targets = found[.link] ?? []
        // the latest input shown is about public items only: an unpublished item takes its comments with it
        let open = Set((found[.feedback] ?? []).map(\.id) + ["core:general"])
        let latest = recent.filter { open.contains("\($0.module):\($0.item)") }.prefix(20)
        let channels = FeedbackChannel.allCases.map { ($0.rawValue, context.text("feedback.channel.\($0.rawValue)"), stats.byChannel[$0] ?? 0) }
        let outcomes = FeedbackOutcome.allCases.map { ($0.rawValue, context.text("feedback.outcome.\($0.rawValue)"), stats.byOutcome[$0] ?? 0) }
        let page = FeedbackStatsPage(
            received: stats.received, comments: stats.comments, suggestions: stats.suggestions, hidden: stats.hidden,
            answered: stats.answered, responseRate: context.percent(stats.responseRate),
            median: stats.medianResponseDays.map { context.number($0) } ?? "—",
            channels: BarChart.rows(channels, total: stats.received), outcomes: BarChart.rows(outcomes, total: stats.answered),
            channelChart: BarChart.chart(channels.map { ($0.1, $0.2) }), outcomeChart: BarChart.chart(outcomes.map { ($0.1, $0.2) }),
            months: months.map { .init(month: context.dates.month($0.month), received: $0.received, answered: $0.answered) },
            latest: latest.map { FeedbackEntryView($0, context: context, targets: targets) },
            generalHref: HostRoute.feedback(module: "core", item: "general").href(context), apiHref: HostRoute.feedbackStatsJSON.href(context))
        return try context.render(page, title: context.text("feedback.stats_title"))
    }

    @Sendable func statsJSON(_ request: Request, context: CivicContext) async throws -> Response {
        let (stats, months) = try await context.database.read { db in (try FeedbackStats.load(db), try FeedbackStats.months(db, tenant: context.tenant)) }
        return try JSONBody.response(FeedbackStatsDocument(
            received: stats.received, comments: stats.comments, suggestions: stats.suggestions, hidden: stats.hidden,
            answered: stats.answered, responseRatePercent: stats.responseRate, medianResponseDays: stats.medianResponseDays,
            byChannel: Dictionary(uniqueKeysWithValues: FeedbackChannel.allCases.map { ($0.rawValue, stats.byChannel[$0] ?? 0) }),
            byOutcome: Dictionary(uniqueKeysWithValues: FeedbackOutcome.allCases.map { ($0.rawValue, stats.byOutcome[$0] ?? 0) }),
            months: months.map { .init(month: $0.month, received: $0.received, answered: $0.answered) }))
    }

    /// The public thread of one item: hidden entries keep their place, without their text.
    @Sendable func threadJSON(_ request: Request, context: CivicContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let module = query["module"].map(String.init), let item = query["item"].map(String.init), !module.isEmpty, !item.isEmpty else {
            throw HTTPError(.badRequest, message: context.text("feedback.error.thread_query"))
        }
        // an item that is not public (unpublished, deleted, never was) has no public thread
        guard try await feedback.target(module: module, item: item, context: context) != nil else {
            throw HTTPError(.notFound, message: context.text("feedback.error.no_item"))
        }
        let page = try APIPage(request)
        let all = try await context.database.read { db in try FeedbackStore.thread(db, module: module, item: item) }
        let entries = page.slice(all).map { entry in
            FeedbackThreadDocument.Entry(
                id: entry.id, kind: entry.kind.rawValue, author: entry.author(context), channel: entry.channel.rawValue,
                receivedAt: entry.receivedAt.formatted(.iso8601), hidden: entry.isHidden, title: entry.isHidden ? nil : entry.title,
                body: entry.isHidden ? nil : entry.body,
                edited: entry.editedAt != nil,
                response: entry.response.map { .init(outcome: $0.outcome.rawValue, reason: $0.reason, target: $0.target,
                                                     respondedAt: $0.respondedAt.formatted(.iso8601)) })
        }
        var response = try JSONBody.response(FeedbackThreadDocument(module: module, item: item, entries: entries))
        let keep = { (value: String) in value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        page.paginate(&response, total: all.count, path: context.request.path, keeping: "module=\(keep(module))&item=\(keep(item))&")
        return response
    }
}
