import CivicSDK

/// `{root}/reports/{id}`: one report, its files with their checksums, what it evidences, its history and comments.
struct ReportPage: PageModel {
    static let template = "report"
    static let fields = TemplateFields<Self>([
        "title": \.title, "summary": \.summary, "type": \.type, "year": \.year, "period": \.period, "published": \.published,
        "languages": \.languages, "draft": \.draft, "sample": \.sample, "withdrawn": \.withdrawn, "files": \.files, "hasFiles": \.hasFiles,
        "listHref": \.listHref, "links": \.links, "hasLinks": \.hasLinks, "history": \.history, "canEdit": \.canEdit, "editHref": \.editHref,
        "feedback": \.feedback,
    ])

    struct File: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href, "kind": \.kind, "size": \.size, "sha256": \.sha256,
                                                  "downloads": \.downloads])
        let label: String
        let href: String
        let kind: String
        let size: String
        let sha256: String
        let downloads: Int
    }

    struct Link: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href])
        let label: String
        let href: String
    }

    struct Change: TemplateModel {
        static let fields = TemplateFields<Self>(["at": \.at, "actor": \.actor, "action": \.action])
        let at: String
        let actor: String
        let action: String
    }

    let title: String
    let summary: String
    let type: String
    let year: Int
    let period: String
    let published: String
    let languages: String
    let draft: Bool
    let sample: Bool
    /// Why a withdrawn report was withdrawn; `nil` while it stands.
    let withdrawn: String?
    let files: [File]
    let listHref: String
    let links: [Link]
    let history: [Change]
    let canEdit: Bool
    let editHref: String
    let feedback: String
    /// Whether every anonymous visitor sees the same page (not a draft, not shown to an editor).
    let shared: Bool

    var hasFiles: Bool { !files.isEmpty }
    var hasLinks: Bool { !links.isEmpty }
    var cachePolicy: CachePolicy { shared ? .shared : .perVisitor }
}
