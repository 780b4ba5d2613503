/// CLDR plural categories for the platform's languages, for counts shown to people: a string with a
/// count is an object in the catalogue, one text per category (`{"one": "%d résultat", "other":
/// "%d résultats"}`), read with ``CivicContext/plural(_:_:)``.
public enum PluralRule {
    /// The categories a language needs for whole numbers: French and English one and other; Arabic
    /// zero, one, two, few (3–10), many (11–99) and other (100, 101, 102…, by the last two digits).
    /// (CLDR's French "many" concerns numbers written in words such as "1 million", not digits.)
    public static func categories(_ locale: String) -> [String] {
        locale == "ar" ? ["zero", "one", "two", "few", "many", "other"] : ["one", "other"]
    }

    /// The category of `count` in `locale`.
    public static func category(_ count: Int, locale: String) -> String {
        let n = abs(count)
        switch locale {
        case "ar":
            switch (n, n % 100) {
            case (0, _): return "zero"
            case (1, _): return "one"
            case (2, _): return "two"
            case (_, 3...10): return "few"
            case (_, 11...99): return "many"
            default: return "other"
            }
        case "fr": return n <= 1 ? "one" : "other"
        default: return n == 1 ? "one" : "other"
        }
    }
}
