import CivicSDK

/// `{root}/reports/{id}`: one report, its files with their checksums, what it evidences, its history and comments.
struct ReportPage: PageModel {
    static let template = "report"
    static let fields = TemplateFields<Self>([
        "title": \.title, "summary": \.summary, "type": \.type, "year": \.year, "period": \.period, "published": \.published,
        "languages": \.languages, "draft": \.draft, "sample": \.sample, "withdrawn": \.withdrawn, "files": \.files, "hasFiles": \.hasFiles,
        "listHref": \.listHref, "links": \.links, "hasLinks": \.hasLinks, "history": \.history, "canEdit": \.canEdit, "editHref": \.editHref,
        "feedback": \.feedback, "generated": \.generated,
    ])

    /// Where a report the platform generated is read and its figures downloaded.
    struct Generated: TemplateModel {
        static let fields = TemplateFields<Self>(["readHref": \.readHref, "csvHref": \.csvHref])
        let readHref: String, csvHref: String
    }

    struct File: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href, "kind": \.kind, "size": \.size, "sha256": \.sha256,
                                                  "downloads": \.downloads])
        let label: String, href: String, kind: String, size: String, sha256: String, downloads: Int
    }

    struct Change: TemplateModel {
        static let fields = TemplateFields<Self>(["at": \.at, "actor": \.actor, "action": \.action])
        let at: TimeText, actor: String, action: String
    }

    let title: String, summary: String, type: String, year: Int, period: TimeSpan?, published: TimeText?, languages: String, draft: Bool
    let sample: Bool
    /// Why a withdrawn report was withdrawn; `nil` while it stands.
    let withdrawn: String?, files: [File], listHref: String
    /// Set when the platform wrote the report from its data.
    let generated: Generated?
    let links: [LinkView], history: [Change], canEdit: Bool, editHref: String
    let feedback: String
    /// Whether every anonymous visitor sees the same page (not a draft, not shown to an editor).
    let shared: Bool

    var hasFiles: Bool { !files.isEmpty }
    var hasLinks: Bool { !links.isEmpty }
    var cachePolicy: CachePolicy { shared ? .shared : .perVisitor }
}
