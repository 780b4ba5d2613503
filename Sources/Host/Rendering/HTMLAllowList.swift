/// Rewrites HTML made by the Markdown parser into HTML that is safe by construction: only the
/// elements and attributes below survive, every attribute is re-escaped, and link and image
/// addresses must be http, https, mailto or relative. Anything that is not an allowed tag is text.
///
/// It is the last step of ``MarkdownHTML``; the parser's output is not trusted, since it copies
/// link addresses and code-fence languages into attributes as they were typed.
enum HTMLAllowList {
    /// Allowed elements and, for each, its allowed attributes.
    static let elements: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
        "em": [], "strong": [], "s": [], "del": [], "code": ["class"], "pre": [], "blockquote": [],
        "ul": [], "ol": ["start"], "li": [], "a": ["href"], "img": ["src", "alt"],
        "table": [], "thead": [], "tbody": [], "tr": [], "th": ["align"], "td": ["align"],
    ]
    static let voidElements: Set<String> = ["br", "hr", "img"]
    static let schemes: Set<String> = ["http", "https", "mailto"]

    static func sanitize(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += text(rest[..<open])
            if let (tag, end) = Tag.read(rest[open...]), let safe = tag.safeHTML() {
                output += safe
                rest = rest[end...]
            } else {
                output += "&lt;"
                rest = rest[rest.index(after: open)...]
            }
        }
        return output + text(rest)
    }

    /// Text between tags: entities the parser wrote are kept, any other `&` and every `<`, `>`, `"` escaped.
    static func text(_ raw: Substring) -> String {
        var output = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            switch character {
            case "&":
                if let entity = entity(at: index, in: raw) {
                    output += raw[index..<entity]
                    index = entity
                    continue
                }
                output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
            index = raw.index(after: index)
        }
        return output
    }

    /// The end of a character reference starting at `index` (`&amp;`, `&#39;`, `&#x27;`), if one does.
    private static func entity(at index: Substring.Index, in raw: Substring) -> Substring.Index? {
        let candidate = raw[index...].prefix(12)
        guard let semicolon = candidate.firstIndex(of: ";") else { return nil }
        let body = candidate[candidate.index(after: candidate.startIndex)..<semicolon]
        let valid = body.first == "#"
            ? (body.dropFirst().first == "x" ? body.dropFirst(2).allSatisfy(\.isHexDigit) && body.count > 2 : body.dropFirst().allSatisfy(\.isNumber) && body.count > 1)
            : !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isLetter }
        return valid ? raw.index(after: semicolon) : nil
    }

    /// `raw` (as decoded from the attribute) if it is a relative address or one with an allowed scheme,
    /// with the characters browsers ignore in a URL removed, so that what is checked is what is followed.
    static func safeURL(_ raw: String) -> String? {
        // browsers drop tab, LF and CR anywhere in a URL, and C0 controls and spaces at its ends
        let cleaned = String(raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.map(Character.init))
            .trimmingControlsAndSpaces()
        guard !cleaned.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let beforeColon = cleaned.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\\" }
        guard beforeColon.endIndex < cleaned.endIndex, cleaned[beforeColon.endIndex] == ":" else { return cleaned }  // relative
        return schemes.contains(beforeColon.lowercased()) ? cleaned : nil
    }
}

private extension String {
    func trimmingControlsAndSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }), let last = scalars.lastIndex(where: { $0.value > 0x20 }) else { return "" }
        return String(scalars[first...last])
    }
}
