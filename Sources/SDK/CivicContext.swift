import Foundation
import GRDB
import Hummingbird

/// The request context every tenant route receives: tenant, database, account, locale, CSRF token, renderer.
///
/// A module reaches everything tenant-specific through it and holds no global state.
public struct CivicContext: RequestContext {
    /// The host builds the context from what it resolved.
    public typealias Source = CivicRequestSource

    /// Hummingbird's own storage (logger, route parameters).
    public var coreContext: CoreRequestContextStorage
    /// What the host resolved.
    public let request: CivicRequestSource
    /// The module whose routes are handling the request, set by the host when routing.
    public var module: String?
    /// That module's settings in this tenant.
    public var moduleSettings: ModuleSettings = .none

    /// Creates the context from the host's resolution.
    public init(source: CivicRequestSource) {
        self.coreContext = .init(source: source)
        self.request = source
    }

    /// The API's JSON: ISO 8601 dates, sorted keys, unescaped slashes.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Largest accepted request body.
    public var maxUploadSize: Int { request.maxUploadSize }
    /// The current tenant.
    public var tenant: Tenant { request.tenant }
    /// Path prefix of the tenant (`/tetouan` or `""`); prepend it to every link.
    public var root: String { request.root }
    /// The tenant's database.
    public var database: TenantDatabase { request.database }
    /// The tenant's uploaded files (`<data-dir>/<slug>/files/`), served at `{root}/files/{name}`.
    public var files: TenantFiles { request.files }
    /// The signed-in account, or `nil` for an anonymous visitor.
    public var account: SignedInAccount? { request.account }
    /// The visitor's locale.
    public var locale: String { request.locale }
    /// Locales to fall back on when content is missing in ``locale``.
    public var fallbackLocales: [String] { request.tenant.locales }
    /// The CSRF token to embed as `_csrf` in forms.
    public var csrfToken: String { request.csrfToken }
    /// Page renderer.
    public var renderer: any PageRenderer { request.renderer }
    /// The submitted form (already CSRF-checked by the host).
    public var form: FormData { request.form }
    /// Client address, for rate limiting.
    public var clientAddress: String { request.clientAddress }

    /// The figures every enabled module publishes for this tenant (see ``CivicModule/indicators(_:_:)``),
    /// by indicator id, so one module can show another's live numbers (a plan indicator linked to
    /// "reports published", say).
    public func liveFigures() async throws -> [String: Indicator] { try await request.liveFigures() }

    /// Items of the enabled modules that this module may link to (commitments a report evidences, say).
    public func linkTargets() async throws -> [LinkTarget] { try await request.linkTargets() }

    /// Comments and suggestions under `item` of the current module, with the form to add one, as HTML
    /// to embed unescaped (`{{{feedback}}}`). The module must answer ``CivicModule/feedbackTarget(_:_:item:)`` for it.
    public func feedbackThread(_ item: String) async throws -> String {
        try await request.feedback.thread(item: item, context: self)
    }

    /// How many comments and suggestions each of `items` of the current module received.
    public func feedbackCounts(_ items: [String]) async throws -> [String: Int] {
        try await request.feedback.counts(items: items, context: self)
    }

    /// Path of the page holding the thread of `item` of the current module, for items listed on another page.
    public func feedbackPath(_ item: String) -> String {
        "\(root)/feedback/on/\(module ?? "core")/\(item)"
    }

    /// For a commune: what `module` publishes about each of its instances where it is enabled
    /// (see ``CivicModule/publicDigest(_:_:)``), in the registry's order. Empty for an instance.
    public func childDigests(_ module: String) async throws -> [TenantDigest] {
        try await request.childDigests(module)
    }

    /// Keys under which this visitor's citizen input is counted (see ``ModuleEnvironment/citizenInput``):
    /// the address, and the account when signed in, each within the tenant.
    public var citizenInputKeys: [String] {
        ["\(tenant.slug)|address|\(clientAddress)"] + (account.map { ["\(tenant.slug)|account|\($0.id)"] } ?? [])
    }

    /// Whether the current account holds `permission`.
    public func can(_ permission: String) -> Bool {
        guard let account else { return false }
        return request.policy.allows(account.grants, permission) && (account.scopes?.contains(permission) ?? true)
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

    /// Translatable content resolved for the visitor.
    public func localized(_ value: LocalizedText) -> String {
        value.resolve(locale, fallbacks: fallbackLocales)
    }

    /// Renders `template` of the current module in the tenant layout.
    public func render(_ template: String, title: String, data: [String: Any] = [:],
                       status: HTTPResponse.Status = .ok, cache: CachePolicy = .shared) throws -> Response {
        try renderer.page(template, title: title, data: data, context: self, status: status, cache: cache)
    }

    /// A 303 redirect to `path` inside the tenant (the root is prepended).
    public func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: root + path, .cacheControl: "no-store"])
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
