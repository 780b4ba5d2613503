import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// JSON twin of the public pages: `GET {root}/api/v1/pages` and `GET {root}/api/v1/pages/{slug}`.
struct PagesAPI {
    struct Item: ResponseEncodable {
        let slug: String
        let title: LocalizedText
        let updatedAt: Date
        let url: String
    }

    struct Detail: ResponseEncodable {
        let slug: String
        let title: LocalizedText
        let body: LocalizedText
        let updatedAt: Date
    }

    struct List: ResponseEncodable {
        let pages: [Item]
    }

    func register(_ group: RouterGroup<CivicContext>) {
        group.get { request, context -> Response in
            let page = try APIPage(request)
            let pages = try await context.database.read { db in try Page.publishedInOrder().fetchAll(db) }
            return try page.response(List(pages: page.slice(pages).map {
                Item(slug: $0.slug, title: $0.title, updatedAt: $0.updatedAt, url: PageRoute.page($0.slug).href(context))
            }), total: pages.count, request: request, context: context)
        }
        group.get(":slug") { _, context -> Detail in
            let slug = try context.parameters.require("slug")
            let page = try await context.database.read { db in
                try Page.filter(Page.Columns.slug == slug && Page.Columns.published == true).fetchOne(db)
            }
            guard let page else { throw HTTPError(.notFound, message: "No published page has the slug '\(slug)'.") }
            return Detail(slug: page.slug, title: page.title, body: page.body, updatedAt: page.updatedAt)
        }
    }
}
