import CivicSDK
import Foundation
import Hummingbird

/// `{root}/search?q=`: one search over everything public in the tenant, ranked, grouped by module,
/// paginated and highlighted; and the same as JSON under `{root}/api/v1/search`.
struct SearchRoutes {
    let services: HostServices
    static let pageSize = 20

    func register(on router: Router<CivicContext>) {
        router.get("search", use: page)
        router.get("api/v1/search", use: json)
    }

    /// `page`: the API's validated page; the HTML page reads and clamps its own.
    private func run(_ request: Request, context: CivicContext, perPage: Int, page requested: Int? = nil) async throws
        -> (query: String, page: Int, hits: [SearchIndex.Hit], total: Int) {
        let parameters = request.uri.queryParameters
        let query = String((parameters["q"].map(String.init) ?? "").prefix(200)).trimmingCharacters(in: .whitespaces)
        let page = requested ?? max(1, min(parameters["page"].flatMap { Int(String($0)) } ?? 1, 500))
        guard !query.isEmpty else { return (query, page, [], 0) }
        let openToComments = try await services.search.refresh(try sources(context), version: services.versions.current(context.tenant.slug))
        let words = SearchText.Query(query), offset = (page - 1) * perPage
        let (items, itemTotal) = try await services.search.search(words, locale: context.locale, database: context.database, limit: perPage, offset: offset)
        // comments and suggestions come after the items: this page takes the rest of its places from them
        let (entries, entryTotal) = try await context.database.read { db in
            try FeedbackSearch.search(db, query: words, items: Array(openToComments.keys) + ["core:general"], limit: perPage - items.count,
                                      offset: max(0, offset - itemTotal))
        }
        let general = LocalizedText([context.locale: context.text("feedback.general_subject")])
        return (query, page, items + entries.map { hit(for: $0, query: words, subject: openToComments["\($0.module):\($0.item)"] ?? general, context: context) },
                itemTotal + entryTotal)
    }

    /// A comment or suggestion as a result: its kind and subject, and the extract of its text or answer.
    private func hit(for entry: FeedbackSearch.Hit, query: SearchText.Query, subject: LocalizedText, context: CivicContext) -> SearchIndex.Hit {
        var texts = entry.answer.values
        texts[entry.bodyLocale] = [entry.body, texts[entry.bodyLocale]].compactMap { $0 }.joined(separator: "\n")
        let title = LocalizedText([context.locale: "\(context.text("feedback.kind.\(entry.kind)")) — \(context.localized(subject))"])
        let (snippet, locale) = SearchIndex.extract(query: query, texts: LocalizedText(texts), title: title, locale: context.locale)
        return SearchIndex.Hit(module: Self.feedbackGroup, kind: entry.kind, path: HostRoute.feedbackEntry(entry.id).path, site: "", origin: [:],
                               title: title, snippet: snippet, snippetLocale: locale)
    }

    /// The group comments and suggestions are listed under.
    static let feedbackGroup = "feedback"

    /// The tenant's own items, and on a commune its instances' (found from the commune, labelled with the instance).
    private func sources(_ context: CivicContext) throws -> [SearchIndex.Source] {
        let own = SearchIndex.Source(tenant: context.tenant, database: context.database, modules: services.enabledModules(context.tenant.slug))
        guard context.tenant.kind == .commune else { return [own] }
        return [own] + (try services.registry.instances(of: context.tenant.slug).map { entry in
            SearchIndex.Source(tenant: entry.tenant, database: try services.database(entry.tenant.slug), modules: services.enabledModules(entry.tenant.slug),
                               site: String(TenantLinks.home(entry).dropLast()), origin: entry.tenant.name)
        })
    }

    /// Where a hit links: under the visitor's root, or at the instance it comes from.
    private func href(_ hit: SearchIndex.Hit, _ context: CivicContext) -> String {
        (hit.site.isEmpty ? context.root : hit.site) + hit.path
    }

    /// A hit's title, with the instance it comes from.
    private func label(_ hit: SearchIndex.Hit, _ context: CivicContext) -> String {
        let title = context.localized(hit.title)
        return hit.origin.isEmpty ? title : "\(title) — \(context.localized(hit.origin))"
    }

    private func moduleTitle(_ id: String, _ context: CivicContext) -> String {
        if id == Self.feedbackGroup { return context.text("search.feedback_group") }
        return services.modules.title(id, context)
    }

    @Sendable func page(_ request: Request, context: CivicContext) async throws -> Response {
        let (query, page, hits, total) = try await run(request, context: context, perPage: Self.pageSize)
        var groups: [(module: String, hits: [SearchIndex.Hit])] = []
        for hit in hits {
            if let index = groups.firstIndex(where: { $0.module == hit.module }) { groups[index].hits.append(hit) } else { groups.append((hit.module, [hit])) }
        }
                let view = SearchPage(
            query: query, action: HostRoute.search().href(context), summary: context.plural("search.summary", total),
            groups: groups.map { group in
                .init(module: moduleTitle(group.module, context), id: group.module,
                      hits: group.hits.map { .init(title: label($0, context), href: href($0, context), snippet: SearchIndex.highlighted($0.snippet),
                                                  lang: $0.snippetLocale, dir: Locales.direction($0.snippetLocale)) })
            },
            previous: page > 1 ? HostRoute.search(query: query, page: page - 1).href(context) : nil,
            next: page * Self.pageSize < total ? HostRoute.search(query: query, page: page + 1).href(context) : nil)
        let title = query.isEmpty ? context.text("search.title") : "\(context.text("search.title"))\(context.text("colon"))\(query)"
        return try context.render(view, title: title)
    }

    @Sendable func json(_ request: Request, context: CivicContext) async throws -> Response {
        let paging = try APIPage(request, defaultPerPage: Self.pageSize)
        guard request.uri.queryParameters["q"].map({ !$0.allSatisfy(\.isWhitespace) }) == true else {
            throw HTTPError(.badRequest, message: "q is required: the words to find")
        }
        let (query, page, hits, total) = try await run(request, context: context, perPage: paging.perPage, page: paging.page)
        var response = try JSONBody.response(SearchDocument(
            query: query, page: page, perPage: paging.perPage, total: total,
            results: hits.map { .init(module: $0.module, kind: $0.kind, title: $0.title.values, url: href($0, context),
                                      snippet: $0.snippet.replacingOccurrences(of: SearchIndex.markStart, with: "").replacingOccurrences(of: SearchIndex.markEnd, with: "")) }))
        paging.paginate(&response, total: total, path: context.request.path,
                        keeping: "q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&")
        return response
    }
}
