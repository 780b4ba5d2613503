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
        Self.warning(locales, context: context)
    }

    /// For an edit form: the warning naming the tenant's languages that any of `texts` already
    /// written lacks, or `nil` when nothing is written yet or nothing is missing.
    public static func warning(for texts: [LocalizedText], context: CivicContext) -> String? {
        let missing = context.tenant.locales.filter { code in texts.contains { !$0.isEmpty && $0.values[code] == nil } }
        return missing.isEmpty ? nil : warning(missing, context: context)
    }

    private static func warning(_ locales: [String], context: CivicContext) -> String {
        context.text("translation.missing") + locales.map(Locales.nativeName).joined(separator: ", ")
    }
}
