import Foundation
import Mustache

/// Measures what DESIGN.md warns about: swift-mustache rendering reflected structs (through `Mirror`)
/// against the dictionaries the host and modules actually pass. Run in release:
/// `swift run -c release render-benchmark`.
@main
struct RenderBenchmark {
    struct Row {
        let title: String
        let href: String
        let status: String
        let progress: Int
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
        precondition(library.render(reflected, withTemplate: "list") == library.render(dictionaries, withTemplate: "list"))
        let iterations = 3_000
        for (name, data) in [("reflected structs (Mirror)", reflected), ("dictionaries", dictionaries)] {
            var bytes = 0
            let start = ContinuousClock.now
            for _ in 0..<iterations { bytes &+= library.render(data, withTemplate: "list")?.utf8.count ?? 0 }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            print("\(name): \(Int(Double(iterations) / seconds)) renders/s of a 50-row list (\(bytes / iterations) bytes each)")
        }
    }
}
