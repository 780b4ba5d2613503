/// Comma-separated values as spreadsheets read and write them (RFC 4180), for every module's exports
/// and imports. Cells a spreadsheet would run as formulas are neutralised on the way out and restored
/// on the way in, so an export imports back unchanged.
public enum CSV {
    /// Characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One line of cells, quoted where needed, with formula-like cells prefixed by `'`.
    public static func line(_ cells: [String]) -> String {
        cells.map { cell in
            var value = cell
            if let first = value.first, formulaStarts.contains(first) || (first == "'" && value.dropFirst().first.map(isGuardable) == true) {
                value = "'" + value
            }
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    /// A whole document: header and rows, CRLF line ends, with a byte-order mark so spreadsheets read UTF-8.
    public static func document(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map(line).joined(separator: "\r\n") + "\r\n"
    }

    /// A parse failure, with the 1-based line where it happened.
    public struct ParseError: Error, Sendable, Equatable {
        /// Line number (1 is the header).
        public let line: Int
    }

    /// Parses a document into rows of cells (the header included), undoing ``line(_:)``'s formula guard.
    /// Blank lines are skipped. Throws ``ParseError`` on an unterminated quote.
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var quoteLine = 1
        var line = 1
        var characters = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        func finishCell() {
            row.append(cell)
            cell = ""
        }
        func finishRow() {
            finishCell()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters = characters.dropFirst() } else { quoted = false }
                } else {
                    if character == "\n" { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where cell.isEmpty:
                quoted = true
                quoteLine = line
            case ",": finishCell()
            case "\r\n", "\n":
                finishRow()
                line += 1
            case "\r": break
            default: cell.append(character)
            }
        }
        if quoted { throw ParseError(line: quoteLine) }
        if !cell.isEmpty || !row.isEmpty { finishRow() }
        return rows.map { $0.map(unguard) }
    }

    /// What may follow a guarding `'`: a formula start, or another `'`.
    private static func isGuardable(_ character: Character) -> Bool { formulaStarts.contains(character) || character == "'" }

    private static func unguard(_ cell: String) -> String {
        guard cell.first == "'", let next = cell.dropFirst().first, isGuardable(next) else { return cell }
        return String(cell.dropFirst())
    }
}
