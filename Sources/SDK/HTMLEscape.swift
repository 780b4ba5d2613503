/// Text made safe to write into HTML yourself, as element content or a double-quoted attribute
/// (`&`, `<`, `>`, `"` and `'` escaped), for the few places that build markup in Swift (charts,
/// snippets, ``LanguageText/marked``); templates escape `{{…}}` themselves.
public enum HTMLEscape {
    /// `text` with the five HTML-special characters escaped.
    public static func text(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
