import CivicSDK

/// Every address of the `pages` module, written once.
enum PageRoute: TenantRoute {
    case list, page(String), history(String), api
    case console, newPage, create, edit(Int64), update(Int64), publication(Int64, publish: Bool)

    var path: String {
        switch self {
        case .list: "/pages"
        case .page(let slug): "/pages/\(slug)"
        case .history(let slug): "/pages/\(slug)/history"
        case .api: "/api/v1/pages"
        case .console, .create: "/admin/pages"
        case .newPage: "/admin/pages/new"
        case .edit(let id): "/admin/pages/\(id)/edit"
        case .update(let id): "/admin/pages/\(id)"
        case .publication(let id, let publish): "/admin/pages/\(id)/\(publish ? "publish" : "unpublish")"
        }
    }
}
