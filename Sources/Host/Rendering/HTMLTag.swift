import CivicSDK
extension HTMLAllowList {
    /// One tag of the parser's output, read leniently (quoted, unquoted and bare attributes) so that
    /// whatever the parser copied into it is seen as the browser would see it.
    struct Tag {
        let name: String
        let closing: Bool
        let attributes: [(name: String, value: String)]

        /// The tag starting at `html`'s first character and the index after it, or `nil` if it is not a well-formed tag.
        static func read(_ html: Substring) -> (Tag, Substring.Index)? {
            var index = html.index(after: html.startIndex)
            let closing = index < html.endIndex && html[index] == "/"
            if closing { index = html.index(after: index) }
            let nameEnd = html[index...].firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber)) } ?? html.endIndex
            guard nameEnd > index else { return nil }
            let name = html[index..<nameEnd].lowercased()
            index = nameEnd
            var attributes: [(String, String)] = []
            while index < html.endIndex {
                let character = html[index]
                if character == ">" { return (Tag(name: name, closing: closing, attributes: attributes), html.index(after: index)) }
                if character.isWhitespace || character == "/" { index = html.index(after: index); continue }
                guard let (attribute, next) = readAttribute(html, from: index) else { return nil }
                attributes.append(attribute)
                index = next
            }
            return nil
        }

        private static func readAttribute(_ html: Substring, from start: Substring.Index) -> ((String, String), Substring.Index)? {
            let nameEnd = html[start...].firstIndex { $0.isWhitespace || $0 == "=" || $0 == ">" || $0 == "/" } ?? html.endIndex
            let name = html[start..<nameEnd].lowercased()
            guard nameEnd < html.endIndex, html[nameEnd] == "=" else { return ((name, ""), nameEnd) }
            let valueStart = html.index(after: nameEnd)
            guard valueStart < html.endIndex else { return nil }
            let quote = html[valueStart]
            if quote == "\"" || quote == "'" {
                let inner = html.index(after: valueStart)
                guard let close = html[inner...].firstIndex(of: quote) else { return nil }
                return ((name, decode(html[inner..<close])), html.index(after: close))
            }
            let end = html[valueStart...].firstIndex { $0.isWhitespace || $0 == ">" } ?? html.endIndex
            return ((name, decode(html[valueStart..<end])), end)
        }

        /// The character references the parser's output can hold, decoded once.
        static func decode(_ value: Substring) -> String {
            guard value.contains("&") else { return String(value) }
            var output = ""
            var rest = value
            let references = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
            while let ampersand = rest.firstIndex(of: "&") {
                output += rest[..<ampersand]
                rest = rest[ampersand...]
                if let (reference, character) = references.first(where: { rest.hasPrefix($0.key) }) {
                    output += character
                    rest = rest.dropFirst(reference.count)
                } else {
                    output += "&"
                    rest = rest.dropFirst()
                }
            }
            return output + rest
        }

        /// The tag rebuilt with its allowed attributes only, or `nil` if the element is not allowed.
        func safeHTML() -> String? {
            guard let allowed = HTMLAllowList.elements[name] else { return nil }
            if closing { return HTMLAllowList.voidElements.contains(name) ? "" : "</\(name)>" }
            var html = "<" + name
            var seen: Set<String> = []
            // the browser keeps the first of two attributes of the same name: so does this
            for (attribute, value) in attributes where allowed.contains(attribute) && seen.insert(attribute).inserted {
                guard let safe = Self.safeValue(attribute, value, element: name) else { continue }
                html += " \(attribute)=\"\(HTMLEscape.text(safe))\""
            }
            return html + ">"
        }

        private static func safeValue(_ attribute: String, _ value: String, element: String) -> String? {
            switch attribute {
            case "href", "src": return HTMLAllowList.safeURL(value)
            case "start": return Int(value).map(String.init)
            case "align": return ["left", "center", "right"].contains(value) ? value : nil
            case "class":
                let language = value.dropFirst("language-".count)
                return value.hasPrefix("language-") && !language.isEmpty
                    && language.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-_#.".contains($0)) } ? value : nil
            default: return value
            }
        }
    }
}
