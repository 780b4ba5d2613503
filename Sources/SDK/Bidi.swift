/// Keeps a run of text in its own direction inside a sentence of the other one: a date, a number,
/// a code or a name in an Arabic sentence ("2026-12" must not read "12-2026"). Uses Unicode's
/// first-strong isolate, for text built outside templates (in templates, `<bdi>` or `<time>` does it).
public enum Bidi {
    /// `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069).
    public static func isolate(_ text: String) -> String { "\u{2068}\(text)\u{2069}" }
}
