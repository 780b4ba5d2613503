/// Makes text comparable for search: the forms of a letter that Arabic writers use interchangeably
/// become one (alef with hamza or madda → alef, hamza on waw or ya → waw, ya; alef maqsura → ya;
/// ta marbuta → ha), and tatweel and short-vowel marks go. Latin accents and case are folded by
/// SQLite's tokenizer, so French needs nothing here.
enum SearchText {
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")   // آ أ إ ٱ → ا
            case 0x0624: scalars.append("\u{0648}")                           // ؤ → و
            case 0x0626, 0x0649: scalars.append("\u{064A}")                   // ئ ى → ي
            case 0x0629: scalars.append("\u{0647}")                           // ة → ه
            case 0x0640, 0x064B...0x065F, 0x0670: continue                    // tatweel, harakat, superscript alef
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// An FTS5 query matching every word of `query` (the last one as a prefix, for words being typed),
    /// or `nil` when nothing searchable is left. Words are quoted, so operators typed by users are text.
    static func ftsQuery(_ query: String) -> String? {
        let words = normalize(query).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).prefix(12)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            "\"\(word)\"" + (index == words.count - 1 && word.count >= 3 ? " *" : "")
        }.joined(separator: " ")
    }
}
