/// `GET {root}/api/v1/search`: one page of results.
struct SearchDocument: Encodable {
    struct Result: Encodable {
        let module: String, kind: String, title: [String: String], url: String, snippet: String
    }

    let query: String, page: Int, perPage: Int, total: Int, results: [Result]

    enum CodingKeys: String, CodingKey { case query, page, total, results, perPage = "per_page" }
}
