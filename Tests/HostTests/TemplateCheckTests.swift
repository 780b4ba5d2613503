import CivicSDK
import Foundation
import Testing
import TestSupport
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

/// Every template of the host and of each module is rendered from a model checked when the host starts.
@Suite struct TemplateCoverageTests {

    private func templates(_ folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) })
    }

    /// Names used as `{{> partial}}` anywhere: checked as part of the templates that include them.
    private func partials(_ folders: [URL]) throws -> Set<String> {
        var names: Set<String> = []
        for folder in folders {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for part in text.components(separatedBy: "{{>").dropFirst() {
                    names.insert(part.components(separatedBy: "}}")[0].trimmingCharacters(in: .whitespaces))
                }
            }
        }
        return names
    }

    private static func names(_ pages: [any PageModel.Type]) -> Set<String> {
        var names: Set<String> = []
        for page in pages { names.insert(page.template) }
        return names
    }

    @Test func everyTemplateHasAModelCheckedAtStartUp() throws {
        let host = Repository.root.appendingPathComponent("Sources/Host/Templates")
        let manifests = InstalledModules.all.map { $0.manifest }
        let folders = [host] + manifests.compactMap(\.templates)
        let included = try partials(folders)
        let hostModels = Self.names(HostPages.all).union(HostPages.fragments.map { $0.template })
        let hostUnchecked = try templates(host).subtracting(hostModels).subtracting(included)
        #expect(hostUnchecked.isEmpty, "the host renders \(hostUnchecked.sorted()) without a declared model")
        for manifest in manifests {
            guard let folder = manifest.templates else { continue }
            let models = Self.names(manifest.pages)
            let unchecked = try templates(folder).subtracting(models).filter { !included.contains("\(manifest.id)/\($0)") }
            #expect(unchecked.isEmpty, "\(manifest.id) renders \(unchecked.sorted()) without a declared model")
        }
    }
}
