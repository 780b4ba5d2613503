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
        try await services.search.refresh(context.tenant, version: services.versions.current(context.tenant.slug), database: context.database,
                                          modules: services.enabledModules(context.tenant.slug))
        let (hits, total) = try await services.search.search(query, locale: context.locale, database: context.database, limit: perPage, offset: (page - 1) * perPage)
        return (query, page, hits, total)
    }

    private func moduleTitle(_ id: String, _ context: CivicContext) -> String {
        services.modules.manifest(id).map { context.localized($0.title) } ?? id
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
                      hits: group.hits.map { .init(title: context.localized($0.title), href: context.root + $0.path, snippet: SearchIndex.highlighted($0.snippet),
                                                  lang: $0.snippetLocale, dir: Locales.direction($0.snippetLocale)) })
            },
            previous: page > 1 ? HostRoute.search(query: query, page: page - 1).href(context) : nil,
            next: page * Self.pageSize < total ? HostRoute.search(query: query, page: page + 1).href(context) : nil)
        let title = query.isEmpty ? context.text("search.title") : "\(context.text("search.title")) : \(query)"
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
            results: hits.map { .init(module: $0.module, kind: $0.kind, title: $0.title.values, url: context.root + $0.path,
                                      snippet: $0.snippet.replacingOccurrences(of: SearchIndex.markStart, with: "").replacingOccurrences(of: SearchIndex.markEnd, with: "")) }))
        paging.paginate(&response, total: total, path: context.request.path,
                        keeping: "q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&")
        return response
    }
}
