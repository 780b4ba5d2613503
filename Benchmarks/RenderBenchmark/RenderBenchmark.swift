import CivicSDK
import Foundation
import Mustache

/// Measures what DESIGN.md warns about: swift-mustache rendering reflected structs (through `Mirror`)
/// against dictionaries and against the typed page models (`TemplateModel`, fields as key paths) the
/// host and modules pass since the views were typed. Run in release:
/// `swift run -c release render-benchmark`.
@main
struct RenderBenchmark {
    struct Row {
        let title: String
        let href: String
        let status: String
        let progress: Int
    }

    struct RowModel: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "href": \.href, "status": \.status, "progress": \.progress])
        let title: String, href: String, status: String, progress: Int
    }

    struct ListModel: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "rows": \.rows])
        let title: String, rows: [RowModel]
    }

    static let template = """
    <h1>{{title}}</h1>
    <ul>{{#rows}}<li><a href="{{href}}">{{title}}</a> <span>{{status}}</span> <progress value="{{progress}}" max="100"></progress></li>{{/rows}}</ul>
    """

    static func main() throws {
        let library = MustacheLibrary(templates: ["list": try MustacheTemplate(string: template)])
        let rows = (0..<50).map { Row(title: "Engagement \($0) — suivi public", href: "/tetouan/plans/\($0)", status: "en cours", progress: $0 * 2) }
        let reflected: [String: Any] = ["title": "Plan", "rows": rows]
        let dictionaries: [String: Any] = ["title": "Plan", "rows": rows.map {
            ["title": $0.title, "href": $0.href, "status": $0.status, "progress": $0.progress] as [String: Any]
        }]
        let typed = ListModel(title: "Plan", rows: rows.map { RowModel(title: $0.title, href: $0.href, status: $0.status, progress: $0.progress) })
        precondition(library.render(reflected, withTemplate: "list") == library.render(dictionaries, withTemplate: "list"))
        precondition(library.render(typed, withTemplate: "list") == library.render(dictionaries, withTemplate: "list"))
        let iterations = 3_000
        let cases: [(String, Any)] = [("reflected structs (Mirror)", reflected), ("dictionaries", dictionaries), ("typed models (key paths)", typed)]
        for (name, data) in cases {
            var bytes = 0
            let start = ContinuousClock.now
            for _ in 0..<iterations { bytes &+= library.render(data, withTemplate: "list")?.utf8.count ?? 0 }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            print("\(name): \(Int(Double(iterations) / seconds)) renders/s of a 50-row list (\(bytes / iterations) bytes each)")
        }
    }
}
