import Foundation
import Testing
import TestSupport

/// On Arabic pages a date or time written among Arabic words keeps its order ("2026-12" never reads
/// "12-2026"): it stands alone in its element, or in `<time>`, `<bdi>` or `.iso`, or between
/// Unicode isolates. Checked on every public page of a commune and an instance with sample content.
@Suite struct ArabicBidiTests {
    static let date = try! NSRegularExpression(pattern: #"\d{4}-\d{2}(?!\d)(?:-\d{2})?(?:[ T]\d{2}:\d{2})?"#)

    /// Dates sharing a text run with Arabic letters, not isolated.
    static func scrambled(_ html: String) -> [String] {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return [] }
        let main = String(html[start.lowerBound..<end.upperBound])
        var problems: [String] = []
        for match in date.matches(in: main, range: NSRange(main.startIndex..., in: main)) {
            guard let range = Range(match.range, in: main) else { continue }
            let before = main[..<range.lowerBound], after = main[range.upperBound...]
            guard let open = before.lastIndex(of: ">"), let close = after.firstIndex(of: "<") else { continue }
            if let lastTag = before.lastIndex(of: "<"), lastTag > open { continue }  // inside a tag (an attribute), not text
            let tagStart = before[..<open].lastIndex(of: "<") ?? open
            let tag = main[tagStart...open]
            if tag.hasPrefix("<time") || tag.hasPrefix("<bdi") || tag.contains("class=\"iso\"") || tag.hasPrefix("<code") { continue }
            if before.last == "\u{2068}" { continue }
            let run = main[main.index(after: open)..<close]
            guard run.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) else { continue }
            problems.append(String(run.prefix(80)))
        }
        return problems
    }

    @Test func datesAmongArabicWordsKeepTheirOrder() async throws {
        let host = try await TestHost()
        for module in ["plans", "reports", "consultations", "instances"] { try await host.enable(module, on: "alpha", withSample: true) }
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        let pages = ["/alpha/", "/alpha/dashboard", "/alpha/plans", "/alpha/plans/2", "/alpha/plans/revisions", "/alpha/reports", "/alpha/reports/1",
                     "/alpha/consultations", "/alpha/consultations/1", "/alpha/consultations/1/results", "/alpha/instances", "/alpha/feedback",
                     "/alpha-youth/", "/alpha-youth/instances", "/alpha-youth/instances/meetings", "/alpha-youth/instances/meetings/1",
                     "/alpha-youth/instances/opinions", "/alpha-youth/instances/opinions/1", "/alpha-youth/dashboard"]
        let found = try await host.test { client async throws in
            var visitor = Browser(client)
            var found: [String: [String]] = [:]
            for path in pages {
                let page = try await visitor.get(path + "?lang=ar")
                #expect(page.status == .ok, "\(path)")
                let problems = Self.scrambled(page.body)
                if !problems.isEmpty { found[path] = problems }
            }
            return found
        }
        #expect(found.isEmpty, "\(found)")
        #expect(Self.scrambled("<main><p>التقارير المنشورة: 1 في 2026-12.</p></main>").count == 1, "the check finds what it looks for")
    }

    /// Content not yet translated is shown in the default language, marked as such on the Arabic
    /// page (`lang="fr" dir="ltr"`), so it is read in French and its punctuation keeps its order.
    @Test func textInAnotherLanguageCarriesItsLanguage() async throws {
        let host = try await TestHost()
        for module in ["plans", "consultations"] { try await host.enable(module, on: "alpha", withSample: true) }
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        try await host.write("alpha") { db in
            try db.execute(sql: "UPDATE consultation_question SET title = json_object('fr', 'De 1 = pas du tout, à 5 = tout à fait ?') WHERE id = (SELECT MIN(id) FROM consultation_question WHERE type <> 'section')")
            try db.execute(sql: "UPDATE consultation_option SET label = json_object('fr', 'Oui, souvent (chaque mois)') WHERE id = (SELECT MIN(id) FROM consultation_option)")
            try db.execute(sql: "UPDATE commitment SET problem = json_object('fr', 'Peu d’informations publiées.') WHERE number = 2")
        }
        try await host.write("alpha-youth") { db in
            try db.execute(sql: "UPDATE instance_opinion SET follow_up = 'taken', follow_up_reason = json_object('fr', 'Retenu en partie : deux écoles.'), follow_up_on = '2026-11-02'")
        }
        try await host.test { client in
            var visitor = Browser(client)
            let consultation = try await visitor.get("/alpha/consultations/1?lang=ar")
            #expect(consultation.body.contains("<span lang=\"fr\" dir=\"ltr\">De 1 = pas du tout, à 5 = tout à fait ?</span>"))
            #expect(consultation.body.contains("<span lang=\"fr\" dir=\"ltr\">Oui, souvent (chaque mois)</span>"))
            let commitment = try await visitor.get("/alpha/plans/2?lang=ar")
            #expect(commitment.body.contains("lang=\"fr\" dir=\"ltr\">Peu d’informations publiées.</dd>"))
            let opinion = try await visitor.get("/alpha-youth/instances/opinions/1?lang=ar")
            #expect(opinion.body.contains("lang=\"fr\" dir=\"ltr\">Retenu en partie : deux écoles.</p>"))
            let french = try await visitor.get("/alpha/consultations/1?lang=fr")
            #expect(!french.body.contains("<span lang=\"fr\""), "text in the page's own language is not marked")
        }
    }
}
