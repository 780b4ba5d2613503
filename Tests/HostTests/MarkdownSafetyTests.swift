import Testing
import TestSupport
@testable import OpenCommune

/// Markdown from editors cannot put an attribute, an element or a script-bearing address in a page,
/// whatever it does to the parser; and code shows what was typed, escaped once.
@Suite struct MarkdownSafetyTests {
    static let attacks = [
        #"[a](http://x" onmouseover="alert(1))"#,
        #"![a](http://x" onerror="alert(1))"#,
        "[a](java\tscript:alert(1))",
        "[a](java\u{1}script:alert(1))",
        "[a](\u{1}javascript:alert(1))",
        "[a]( JAVASCRIPT:alert(1))",
        "[a](vbscript:msgbox(1))",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "[a][r]\n\n[r]: javascript:alert(1)",
        #"[a](javascript:x" href="http://ok.example)"#,
        #"[a](x">y<script>alert(1)</script>)"#,
        "```x\" onclick=\"alert(1)\ncode\n```",
        "<img src=x onerror=alert(1)> <a href=javascript:alert(1)>a</a> <svg onload=alert(1)>",
    ]

    @Test(arguments: attacks) func nothingExecutableSurvives(_ source: String) {
        let html = MarkdownHTML.html(source)
        let lowered = html.lowercased()
        for marker in ["onmouseover=", "onerror=", "onclick=", "onload=", "<script", "<svg", "javascript:", "vbscript:", "data:text"] {
            #expect(!lowered.contains(marker) || !Self.inAttributeOrTag(lowered, marker), "\(marker) in \(html)")
        }
        // every tag left is on the allow-list, with allowed attributes only
        for tag in Self.tags(html) {
            let name = String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber })
            #expect(HTMLAllowList.elements[name] != nil, "\(tag)")
        }
    }

    /// Whether `marker` stands inside a tag (as opposed to shown as text, where it is harmless).
    static func inAttributeOrTag(_ html: String, _ marker: String) -> Bool {
        tags(html).contains { $0.lowercased().contains(marker) }
    }

    static func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            if rest[rest.index(after: open)] != "/" { tags.append(String(rest[open...close])) }
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    @Test func safeLinksAndImagesAreKeptWithEscapedAttributes() {
        #expect(MarkdownHTML.html("[site](https://commune.example/?a=1&b=2)") == #"<p><a href="https://commune.example/?a=1&amp;b=2">site</a></p>"#)
        #expect(MarkdownHTML.html("[mail](mailto:contact@commune.ma)") == #"<p><a href="mailto:contact@commune.ma">mail</a></p>"#)
        #expect(MarkdownHTML.html("[page](/alpha/pages/a-propos)") == #"<p><a href="/alpha/pages/a-propos">page</a></p>"#)
        #expect(MarkdownHTML.html("[here](#budget)") == ##"<p><a href="#budget">here</a></p>"##)
        #expect(MarkdownHTML.html("![plan](/files/plan.png)") == #"<img src="/files/plan.png" alt="plan">"#)
        #expect(MarkdownHTML.html(#"[a](http://x" onmouseover="alert(1))"#) == #"<p><a href="http://x">a</a></p>"#)
        #expect(MarkdownHTML.html("[a](java\tscript:alert(1))") == "<p><a>a</a></p>", "the address browsers would follow is the one checked")
    }

    @Test func codeShowsWhatWasTypedEscapedOnce() {
        #expect(MarkdownHTML.html("Use `a < b && c > d` here") == "<p>Use <code>a &lt; b &amp;&amp; c &gt; d</code> here</p>")
        #expect(MarkdownHTML.html("```swift\nif a < b { }\n```") == "<pre><code class=\"language-swift\">if a &lt; b { }\n</code></pre>")
        #expect(MarkdownHTML.html("Show `&amp;` literally") == "<p>Show <code>&amp;amp;</code> literally</p>")
        #expect(MarkdownHTML.html("Text with <b>tags</b> & ampersands") == "<p>Text with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands</p>")
    }

    @Test func structureIsKept() {
        let html = MarkdownHTML.html("# Titre\n\n- **un**\n- *deux*\n\n3. trois\n\n> cité\n\n| a | b |\n|:-|-:|\n| 1 | 2 |")
        for fragment in ["<h1>Titre</h1>", "<ul><li><strong>un</strong></li><li><em>deux</em></li></ul>", "<ol start=\"3\">",
                         "<blockquote>", "<th align=\"left\">a</th>", "<td align=\"right\">2</td>"] {
            #expect(html.contains(fragment), "\(fragment) in \(html)")
        }
    }
}
