/// Translated content as a page shows it, with the language it is actually in: a French text shown
/// on an Arabic page (no Arabic version yet) keeps `lang="fr" dir="ltr"`, so screen readers read it
/// in French and its punctuation does not scramble. Templates write
/// `<p lang="{{body.lang}}" dir="{{body.dir}}">{{body}}</p>`.
public struct LanguageText: TemplateModel, CustomStringConvertible, Hashable {
    public static let fields = TemplateFields<Self>(["text": \.text, "lang": \.lang, "dir": \.dir, "isOther": \.isOther, "marked": \.marked])
    /// The text.
    public let text: String
    /// Its language code.
    public let lang: String
    /// `ltr` or `rtl`, from its language.
    public var dir: String { Locales.direction(lang) }
    /// Whether it is in another language than the page's (a fallback).
    public let isOther: Bool

    /// `value` for a page in `locale`, falling back along `fallbacks` (the tenant's languages).
    public init(_ value: LocalizedText, locale: String, fallbacks: [String]) {
        text = value.resolve(locale, fallbacks: fallbacks)
        lang = value.resolvedLocale(locale, fallbacks: fallbacks) ?? locale
        isOther = lang != locale
    }

    /// The text escaped for HTML, inside `<span lang="…" dir="…">` when it is in another language than
    /// the page's: `{{{title.marked}}}` where the surrounding element must keep the page's language.
    public var marked: String {
        isOther ? "<span lang=\"\(lang)\" dir=\"\(dir)\">\(HTMLEscape.text(text))</span>" : HTMLEscape.text(text)
    }

    /// The text, so `{{body}}` alone shows it.
    public var description: String { text }
}
