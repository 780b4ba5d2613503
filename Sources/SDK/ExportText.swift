/// Text made fit for a file format that cannot carry every character: XML 1.0 forbids most control
/// characters (one makes a whole feed unreadable), and a calendar line must not contain a bare
/// carriage return (it would start a line of the editor's choosing).
public enum ExportText {
    /// `text` without the characters XML 1.0 forbids (C0 controls other than tab, line feed and
    /// carriage return; U+FFFE and U+FFFF).
    public static func xml(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbiddenInXML) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isForbiddenInXML($0) })
        return String(scalars)
    }

    /// `text` as one logical line: every line break (`\r\n`, `\r`, `\n`, U+2028, U+2029) becomes
    /// `newline`, and other control characters are dropped (tab becomes a space).
    public static func line(_ text: String, newline: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n": if !previousWasCR { result += newline }
            case "\r", "\u{2028}", "\u{2029}": result += newline
            case "\t": result += " "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
