import Ink

/// Markdown written by editors, as HTML safe to put in any page. Editors write Markdown, not
/// HTML: raw tags in the source are shown as text. The parser's output then goes through
/// ``HTMLAllowList``, so no attribute, element or link scheme outside the list reaches a page
/// whatever the parser does with unusual input.
enum MarkdownHTML {
    static func html(_ source: String) -> String {
        // the source is escaped before parsing and the parser escapes code again: undo one level in code
        let unescape = { (html: String, _: Substring) in html.replacingOccurrences(of: "&amp;", with: "&") }
        let parser = MarkdownParser(modifiers: [Modifier(target: .inlineCode, closure: unescape), Modifier(target: .codeBlocks, closure: unescape)])
        let escaped = source.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return HTMLAllowList.sanitize(parser.html(from: escaped))
    }
}
