import Foundation
import GRDB
import Hummingbird

/// The request context every tenant route receives: what the host's front door resolved (tenant,
/// root, path, locale), then what the pipeline's stages added (visitor, form token, form, module).
///
/// It carries request data only; a module's services come in its ``ModuleEnvironment``.
public struct CivicContext: RequestContext {
    /// The host builds the context from what its front door resolved.
    public typealias Source = CivicRequestSource

    /// Hummingbird's own storage (logger, route parameters).
    public var coreContext: CoreRequestContextStorage
    /// What the front door resolved.
    public let request: CivicRequestSource
    /// The signed-in account, or `nil` for an anonymous visitor (set by the host's identity stage).
    public private(set) var account: SignedInAccount?
    /// The CSRF token to embed as `_csrf` in forms (set by the host's identity stage).
    public private(set) var csrfToken = ""
    /// Whether the request carries a personal access token rather than a browser session.
    public private(set) var tokenAuthenticated = false
    /// The submitted form, already CSRF-checked (set by the host's form stage; `.empty` on reads).
    public private(set) var form = FormData.empty
    /// The module whose routes are handling the request, set by the host when routing.
    public var module: String?
    /// That module's settings in this tenant.
    public var moduleSettings: ModuleSettings = .none

    /// Creates the context from the front door's resolution, for an anonymous visitor.
    public init(source: CivicRequestSource) {
        self.coreContext = .init(source: source)
        self.request = source
    }

    /// The visitor, as the host's identity stage found them.
    @_spi(Host) public mutating func identify(_ account: SignedInAccount?, csrfToken: String, byToken: Bool) {
        self.account = account
        self.csrfToken = csrfToken
        self.tokenAuthenticated = byToken
    }

    /// The form the host's form stage read and checked.
    @_spi(Host) public mutating func receive(_ form: FormData) {
        self.form = form
    }

    /// The API's JSON: ISO 8601 dates, sorted keys, unescaped slashes.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Largest accepted request body.
    public var maxUploadSize: Int { request.host.maxUploadSize }
    /// The current tenant.
    public var tenant: Tenant { request.tenant }
    /// Path prefix of the tenant (`/tetouan` or `""`); prepend it to every link.
    public var root: String { request.root }
    /// The tenant's database.
    public var database: TenantDatabase { request.storage.database }
    /// The tenant's uploaded files (`<data-dir>/<slug>/files/`), served at `{root}/files/{name}`.
    public var files: TenantFiles { request.storage.files }
    /// The visitor's locale.
    public var locale: String { request.locale }
    /// Locales to fall back on when content is missing in ``locale``.
    public var fallbackLocales: [String] { request.tenant.locales }
    /// Page renderer.
    public var renderer: any PageRenderer { request.host.renderer }
    /// Client address, for rate limiting.
    public var clientAddress: String { request.clientAddress }

    /// Path of the page holding the comments and suggestions of `item` of the current module, for
    /// items listed on another page.
    public func feedbackPath(_ item: String) -> String {
        HostRoute.feedback(module: module ?? "core", item: item).path(root)
    }

    /// Keys under which this visitor's citizen input is counted (see ``ModuleEnvironment/citizenInput``):
    /// the address, and the account when signed in, each within the tenant.
    public var citizenInputKeys: [String] {
        ["\(tenant.slug)|address|\(clientAddress)"] + (account.map { ["\(tenant.slug)|account|\($0.id)"] } ?? [])
    }

    /// Whether the current account holds `permission`.
    public func can(_ permission: String) -> Bool {
        guard let account else { return false }
        return request.host.policy.allows(account.grants, permission) && (account.scopes?.contains(permission) ?? true)
    }

    /// Throws 401 for an anonymous visitor and 403 when the account lacks `permission`.
    public func require(_ permission: String) throws {
        guard account != nil else { throw HTTPError(.unauthorized, message: text("error.sign_in_required")) }
        guard can(permission) else { throw HTTPError(.forbidden, message: text("error.forbidden")) }
    }

    /// UI string `key` in the visitor's locale (module strings first, then the host's).
    public func text(_ key: String) -> String {
        renderer.text(key, module: module, locale: locale)
    }

    /// The string `key` in the form for `count` (see ``PluralRule``), with the count (and any further
    /// `values`) put in: `context.plural("search.summary", 3)` → "3 résultats".
    /// The count is the string's first `%d`, written as the page's language writes numbers.
    public func plural(_ key: String, _ count: Int, _ values: any CVarArg...) -> String {
        let form = text("\(key).\(PluralRule.category(count, locale: locale))")
        guard let slot = form.firstRange(of: "%d") else { return String(format: form, arguments: values) }
        let counted = form.replacingCharacters(in: slot, with: number(count))
        guard values.isEmpty else { return String(format: counted, arguments: values) }
        // the common case (no other value) stays out of Foundation's formatting: a plan page says it once per late commitment
        return counted.contains("%%") ? counted.replacing("%%", with: "%") : counted
    }

    /// Dates and times for this page: its language, the tenant's zone and conventions.
    public var dates: DateText { DateText(locale: locale, formats: tenant.formats) }

    /// `value` as the page's language writes it, with the tenant's digits (see ``NumberText``).
    public func number(_ value: Double, fractionDigits: Int = 1) -> String {
        NumberText.format(value, locale: locale, fractionDigits: fractionDigits, digits: tenant.formats.digits)
    }

    /// A percentage as the page's language writes it ("40 %", "40%").
    public func percent(_ value: Int) -> PercentText {
        PercentText(value, locale: locale, digits: tenant.formats.digits)
    }

    /// A figure's value and unit as the page shows them: a percentage as ``percent(_:)`` with no
    /// separate unit, anything else as a number and its unit in the page's language.
    public func figure(_ value: Double, unit: LocalizedText) -> (value: String, unit: String) {
        let unitText = localized(unit)
        if unitText.trimmingCharacters(in: .whitespaces) == "%" { return (percent(Int(value.rounded())).text, "") }
        return (number(value), unitText)
    }

    /// A whole number as the page's language writes it, with the tenant's digits.
    public func number(_ value: Int) -> String {
        NumberText.format(value, locale: locale, digits: tenant.formats.digits)
    }

    /// Translatable content resolved for the visitor.
    public func localized(_ value: LocalizedText) -> String {
        value.resolve(locale, fallbacks: fallbackLocales)
    }

    /// Translatable content with the language it is shown in (see ``LanguageText``), for text that
    /// may fall back to another language than the page's.
    public func shown(_ value: LocalizedText) -> LanguageText {
        LanguageText(value, locale: locale, fallbacks: fallbackLocales)
    }

    /// Renders a page model of the current module in the tenant layout.
    public func render<Model: PageModel>(_ page: Model, title: String, status: HTTPResponse.Status = .ok) throws -> Response {
        try renderer.page(page, title: title, context: self, status: status)
    }

    /// A 303 redirect to `path` inside the tenant (the root is prepended).
    public func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: root + path, .cacheControl: "no-store"])
    }

    /// UI string `key` (module strings first, then the host's) in every language of the tenant, for
    /// text stored once and read later in the reader's language (``FollowNews/headline``).
    public func inEveryLanguage(_ key: String) -> LocalizedText {
        renderer.inEveryLanguage(key, module: module, locales: tenant.locales)
    }

    /// Records `news` about an item of the current module inside the caller's write transaction;
    /// once it commits, the host tells the item's followers (see ``FollowNews``).
    public func announce(_ db: Database, _ news: FollowNews) throws {
        try news.insert(db, module: module ?? "core", at: Date())
        let slug = tenant.slug, announced = request.host.announced
        db.afterNextTransaction { _ in announced(slug) }
    }

    /// Writes an audit entry for the current account, inside the caller's write transaction.
    public func audit(_ db: Database, action: String, itemType: String, itemID: String, summary: String,
                      changes: [FieldChange]) throws {
        let entry = AuditEntry(accountID: account?.id, actorName: account?.displayName ?? "system",
                               module: module ?? "core", action: action, itemType: itemType, itemID: itemID,
                               summary: summary, changes: changes)
        try entry.insert(db)
    }
}
