import Foundation
import HTTPTypes
import Hummingbird

/// The API's one way to paginate a list: `?page=` (from 1) and `?per_page=` (1–100), answered with
/// the slice, `X-Total-Count`, and a `Link` header (`first`, `prev`, `next`, `last`).
public struct APIPage: Sendable {
    /// Requested page, from 1.
    public let page: Int
    /// Items per page.
    public let perPage: Int

    /// Reads the request's parameters; a malformed one is a 400 with a message.
    public init(_ request: Request, defaultPerPage: Int = 50) throws {
        let query = request.uri.queryParameters
        let page = query["page"].map { Int(String($0)) } ?? 1
        let perPage = query["per_page"].map { Int(String($0)) } ?? defaultPerPage
        guard let page, page >= 1, page <= 100_000 else { throw HTTPError(.badRequest, message: "page must be a whole number from 1") }
        guard let perPage, (1...100).contains(perPage) else { throw HTTPError(.badRequest, message: "per_page must be a whole number from 1 to 100") }
        self.page = page
        self.perPage = perPage
    }

    /// Offset of the page's first item.
    public var offset: Int { (page - 1) * perPage }

    /// The page's part of `items`.
    public func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + perPage)])
    }

    /// Adds `X-Total-Count` and `Link` for a list of `total` items at `path` (root included, no query);
    /// `keeping` holds the other query parameters the links must repeat (`"q=budget&"`, ending with `&`).
    public func paginate(_ response: inout Response, total: Int, path: String, keeping: String = "") {
        let last = max(1, (total + perPage - 1) / perPage)
        let link = { (page: Int, rel: String) in "<\(path)?\(keeping)page=\(page)&per_page=\(perPage)>; rel=\"\(rel)\"" }
        var links = [link(1, "first"), link(last, "last")]
        if page > 1 { links.append(link(min(page - 1, last), "prev")) }
        if page < last { links.append(link(page + 1, "next")) }
        response.headers[HTTPField.Name("Link")!] = links.joined(separator: ", ")
        response.headers[HTTPField.Name("X-Total-Count")!] = String(total)
    }

    /// `body` encoded as the API's JSON, with the pagination headers.
    public func response(_ body: some Encodable, total: Int, request: Request, context: CivicContext) throws -> Response {
        var response = try context.responseEncoder.encode(body, from: request, context: context)
        paginate(&response, total: total, path: context.request.path)
        return response
    }
}
