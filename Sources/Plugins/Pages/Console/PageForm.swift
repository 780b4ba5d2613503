import CivicSDK
import Foundation

/// A submitted page form, validated; keeps what was typed so an invalid form is shown again intact.
struct PageForm: Sendable {
    static let maxTitleLength = 200
    static let maxBodyLength = 50_000

    var slug: String
    var title: LocalizedText
    var body: LocalizedText
    var position: Int
    var errors: [String] = []

    init(page: Page) {
        slug = page.slug
        title = page.title
        body = page.body
        position = page.position
    }

    init(_ form: FormData, context: CivicContext) {
        let locales = context.tenant.locales
        slug = form.text("slug").lowercased()
        title = form.localized("title", locales: locales)
        body = form.localized("body", locales: locales)
        position = 0
        if slug.isEmpty || slug.count > 80 || slug.contains(where: { !("a"..."z").contains($0) && !("0"..."9").contains($0) && $0 != "-" }) {
            errors.append(context.text("pages.error.slug"))
        }
        if title.isEmpty { errors.append(context.text("pages.error.title_required")) }
        if title.values.values.contains(where: { $0.count > Self.maxTitleLength }) { errors.append(context.text("pages.error.title_length")) }
        if body.values.values.contains(where: { $0.count > Self.maxBodyLength }) { errors.append(context.text("pages.error.body_length")) }
        let rawPosition = form.text("position")
        if rawPosition.isEmpty {
            position = 0
        } else if let value = Int(rawPosition), (0...10_000).contains(value) {
            position = value
        } else {
            errors.append(context.text("pages.error.position"))
        }
    }

    /// Template data for the edit form.
    func page(context: CivicContext, action: String, isNew: Bool) -> PageFormPage {
        PageFormPage(action: action, isNew: isNew, slug: slug, position: String(position), errors: errors,
                     locales: context.tenant.locales.map { code in
                         PageFormPage.LocaleFields(code: code, name: Locales.nativeName(code), dir: Locales.direction(code),
                                                   title: title.values[code] ?? "", body: body.values[code] ?? "")
                     }, missing: MissingTranslations.warning(for: [title, body], context: context))
    }
}
