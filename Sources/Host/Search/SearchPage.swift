import CivicSDK

/// `{root}/search`: the form, then the results grouped by module, highlighted, a page at a time.
struct SearchPage: PageModel {
    static let template = "search"
    static let fields = TemplateFields<Self>(["query": \.query, "action": \.action, "searched": \.searched, "summary": \.summary,
                                              "groups": \.groups, "hasHits": \.hasHits, "previous": \.previous, "next": \.next])

    struct Group: TemplateModel {
        static let fields = TemplateFields<Self>(["module": \.module, "id": \.id, "hits": \.hits])
        let module: String, id: String, hits: [Hit]
    }

    struct Hit: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "snippet": \.snippet, "lang": \.lang, "dir": \.dir])
        let title: String, href: String
        /// Escaped text with `<mark>` around the words found.
        let snippet: String
        /// The extract's language, which may not be the page's.
        let lang: String, dir: String
    }

    let query: String, action: String, summary: String, groups: [Group], previous: String?, next: String?
    var searched: Bool { !query.isEmpty }
    var hasHits: Bool { !groups.isEmpty }
}
