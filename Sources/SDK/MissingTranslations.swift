/// Staff-written public text (an official answer, a follow-up) checked against the tenant's
/// languages before it is published: when some are missing, the form comes back once with a warning
/// naming them and a box to tick (`incomplete_ok`) to publish it so.
public struct MissingTranslations: Sendable, Equatable {
    /// The tenant's languages the text is not written in.
    public let locales: [String]
    /// Whether staff ticked "publish anyway".
    public let confirmed: Bool

    /// Checks `text` from `form` against `languages` (the tenant's).
    public init(_ text: LocalizedText, languages: [String], form: FormData) {
        locales = text.isEmpty ? [] : languages.filter { text.values[$0] == nil }
        confirmed = form.text(Self.confirmationField) == "1"
    }

    /// The name of the "publish anyway" box.
    public static let confirmationField = "incomplete_ok"

    /// True when the text must come back for confirmation before it is published.
    public var holdsBack: Bool { !locales.isEmpty && !confirmed }

    /// The warning, in the page's language, naming the missing languages in their own names.
    public func warning(_ context: CivicContext) -> String {
        context.text("translation.missing") + locales.map(Locales.nativeName).joined(separator: ", ")
    }
}
