import Foundation

/// Makes words comparable for search, in French, Arabic and English. A word is folded (case, Latin
/// accents, the ligatures œ and æ; Arabic short vowels and tatweel), then stemmed by Snowball in its
/// language ("rapports" → "rapport", "التقارير" → "تقرير"), then the Arabic letter forms that
/// writers use interchangeably become one (alef with hamza or madda → alef, hamza on waw or ya → waw,
/// ya; alef maqsura → ya; ta marbuta → ha). The index holds these stems beside the original text,
/// which is what snippets show. The host's search and any module's own index (the reports
/// archive's filter) read words through it, so both find the same things.
public enum SearchText {
    static let stemmers: [String: Stemmer] = Dictionary(uniqueKeysWithValues: Stemmer.algorithms.keys.compactMap { locale in
        Stemmer(locale: locale).map { (locale, $0) }
    })

    /// The words of `text` with where they stand, in order.
    public static func words(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        for index in text.indices {
            let character = text[index]
            let inWord = character.isLetter || character.isNumber || (start != nil && character.unicodeScalars.allSatisfy(isMark))
            if inWord, start == nil { start = index } else if !inWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { ranges.append(begun..<text.endIndex) }
        return ranges
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x0640
    }

    static func isArabic(_ word: String) -> Bool { word.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }

    /// Lower case, without Latin accents, ligatures opened, Arabic vowels and tatweel gone.
    static func fold(_ word: String) -> String {
        let opened = word.lowercased().replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        guard isArabic(opened) else { return opened.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: opened.unicodeScalars.filter { !(0x064B...0x065F).contains($0.value) && $0.value != 0x0640 && $0.value != 0x0670 })
        return String(scalars)
    }

    /// One form for the Arabic letters writers use interchangeably.
    static func unifyArabicLetters(_ word: String, keepingTaMarbuta: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")   // آ أ إ ٱ → ا
            case 0x0624: scalars.append("\u{0648}")                           // ؤ → و
            case 0x0626, 0x0649: scalars.append("\u{064A}")                   // ئ ى → ي
            case 0x0629 where !keepingTaMarbuta: scalars.append("\u{0647}")   // ة → ه
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The stems a word may have: Arabic words by the Arabic stemmer; other words by the stemmer of
    /// `locale` when known (indexing), else by the French and the English ones (a query's language is unknown).
    public static func stems(of word: String, locale: String? = nil) -> Set<String> {
        let folded = fold(word)
        if isArabic(folded) {
            // alef and ya forms are one before the stemmer reads the word (so "مستشفى" ends like "مستشفي"); ta marbuta,
            // which the stemmer knows as an ending, is unified after
            var letters = unifyArabicLetters(folded, keepingTaMarbuta: true)
            // a final ha is how many type a ta marbuta ("المكتبه"): read as one, so the stemmer drops it either way
            if letters.count > 3, letters.hasSuffix("\u{0647}") { letters = String(letters.dropLast()) + "\u{0629}" }
            let stem = { (word: String) in unifyArabicLetters(stemmers["ar"]?.stem(word) ?? word) }
            // the stemmer drops the feminine plural "ات" after the article ("الاجتماعات" → "اجتماع") but not
            // always without it ("اجتماعات" → "اجتماعا"): the word without it is stemmed too, so both meet
            if letters.count > 5, letters.hasSuffix("\u{0627}\u{062A}") { return [stem(letters), stem(String(letters.dropLast(2)))] }
            return [stem(letters)]
        }
        if let locale, locale != "ar", let stemmer = stemmers[locale] { return [stemmer.stem(folded)] }
        return Set(["fr", "en"].compactMap { stemmers[$0]?.stem(folded) })
    }

    /// The stems of every word of a text written in `locale`, for the index.
    public static func indexedStems(_ text: String, locale: String) -> String {
        words(text).flatMap { stems(of: String(text[$0]), locale: locale) }.joined(separator: " ")
    }

    /// A visitor's query, read once: its words (twelve at most), each folded and with its stems, for
    /// the FTS5 match and for the extracts of every hit.
    public struct Query: Sendable {
        /// One word of the query: folded, its stems, and whether it is matched as a prefix (the last one).
        public struct Term: Sendable {
            public let folded: String, stems: Set<String>, prefix: Bool
        }

        /// The words, twelve at most.
        public let terms: [Term]
        private let folded: Set<String>, stems: Set<String>

        /// Reads what a visitor typed.
        public init(_ query: String) {
            let typed = words(query).map { String(query[$0]) }.prefix(12)
            terms = typed.enumerated().map { index, word in
                // the last word is matched as a prefix too, for words being typed
                Term(folded: fold(word), stems: SearchText.stems(of: word), prefix: index == typed.count - 1 && word.count >= 3)
            }
            folded = Set(terms.map(\.folded))
            stems = Set(terms.flatMap(\.stems))
        }

        /// An FTS5 query matching every word, each either as written (in the title or the text, which
        /// ranks first) or by its stem; `nil` when nothing searchable is left. Words are quoted, so
        /// operators typed by users are text.
        public var fts: String? { fts(text: "{title body}", stems: "stems") }

        /// The same query over an index whose original text is in the `text` column (or `{a b}`
        /// columns) and stems in `stems`.
        public func fts(text: String, stems stemsColumn: String) -> String? {
            guard !terms.isEmpty else { return nil }
            return terms.map { term in
                let star = term.prefix ? " *" : ""
                let stemList = term.stems.sorted().map { "\"\($0)\"\(star)" }.joined(separator: " OR ")
                return "(\(text) : \"\(term.folded)\"\(star) OR \(stemsColumn) : (\(stemList)))"
            }.joined(separator: " AND ")
        }

        /// Whether `word` of a text is one the query asks for, as written or by its stem.
        public func matches(_ word: String) -> Bool {
            folded.contains(fold(word)) || !SearchText.stems(of: word).isDisjoint(with: stems)
        }

        /// About `length` words of `text` around the first word matching the query, with the matched
        /// words between `start` and `end`; `nil` when no word matches.
        public func snippet(in text: String, start: String, end: String, length: Int = 16) -> String? {
            let ranges = words(text)
            let matched = Set(ranges.indices.filter { matches(String(text[ranges[$0]])) })
            guard let first = matched.min() else { return nil }
            let from = max(0, first - length / 3), to = min(ranges.count - 1, from + length - 1)
            var output = from > 0 ? "…" : ""
            var cursor = ranges[from].lowerBound
            for index in from...to {
                output += text[cursor..<ranges[index].lowerBound]
                let word = text[ranges[index]]
                output += matched.contains(index) ? start + word + end : String(word)
                cursor = ranges[index].upperBound
            }
            return output + (to < ranges.count - 1 ? "…" : String(text[cursor...]))
        }
    }
}
