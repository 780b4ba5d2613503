import CivicSDK
import Testing
@testable import OpenCommune

@Suite struct TemplateCheckTests {
    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["label": \.label, "href": \.href])
        let label: String
        let href: String?
    }

    struct Sample: PageModel {
        static let template = "sample"
        static let fields = TemplateFields<Self>(["title": \.title, "rows": \.rows, "open": \.open, "first": \.first, "tags": \.tags])
        let title: String
        let rows: [Row]
        let open: Bool
        let first: Row?
        let tags: [String]
    }

    private func check(_ text: String, partials: [String: String] = [:]) -> [String] {
        TemplateCheck(templates: ["sample": text].merging(partials) { a, _ in a }, strings: ["home.title"])
            .problems(template: "sample", model: Sample.self)
    }

    @Test func aSoundTemplateHasNoProblem() {
        let text = """
            <h1>{{title}}</h1>{{! a comment }}<p>{{t.home.title}} {{root}} {{csrf}} {{lang}}</p>
            {{#rows}}<a href="{{href}}">{{label}}</a> {{title}}{{/rows}}{{^rows}}none{{/rows}}
            {{#open}}{{first.label}}{{/open}}{{#first}}{{label}}{{/first}}{{#tags}}{{.}}{{/tags}}{{> part}}
            """
        #expect(check(text, partials: ["part": "{{title}}"]) == [])
    }

    @Test func aMisspeltKeyAStringOrAPartialIsNamed() {
        #expect(check("{{titel}}") == ["sample: no model field answers {{titel}}"])
        #expect(check("{{#rows}}{{lable}}{{/rows}}") == ["sample: no model field answers {{lable}}"])
        #expect(check("{{first.name}}") == ["sample: first.name reads name, which Optional<Row> does not have"])
        #expect(check("{{t.home.titel}}") == ["sample: string t.home.titel is not in the catalogue"])
        #expect(check("{{> nowhere}}") == ["sample: partial nowhere is missing"])
        #expect(check("{{#tags}}{{label}}{{/tags}}") == ["sample: no model field answers {{label}}"], "a list of text holds no fields")
    }

    @Test func modelsReadTheirFieldsAndSkipAbsentOnes() {
        let row = Row(label: "A", href: nil)
        #expect(row.child(named: "label") as? String == "A")
        #expect(row.child(named: "href") == nil, "an absent optional is no value, so {{#href}} is skipped")
        #expect(row.child(named: "nothing") == nil)
    }
}
