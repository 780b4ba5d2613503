import Foundation
import GRDB
import Logging

/// What the host hands a module when it creates it. Dependencies are passed in, never looked up.
public struct ModuleEnvironment: Sendable {
    /// Logger labelled with the module id.
    public let logger: Logger
    /// The host's limit on citizen input (comments, answers) per address and per account; a module
    /// counts its own citizen posts here so one limit covers them all. Keys must start with the tenant slug.
    public let citizenInput: RateLimiter
    /// Signs tokens the module gives browsers, with the host's secret.
    public let signer: Signer
    /// Whether cookies must carry `Secure` (the site is served over HTTPS).
    public let secureCookies: Bool
    /// The host's figures, links, comments and digests.
    public let services: ModuleServices

    /// Creates an environment.
    public init(logger: Logger, citizenInput: RateLimiter, signer: Signer, secureCookies: Bool, services: ModuleServices) {
        self.logger = logger
        self.citizenInput = citizenInput
        self.signer = signer
        self.secureCookies = secureCookies
        self.services = services
    }
}

/// A link a module adds to the tenant console's navigation.
public struct ConsoleLink: Sendable, Hashable {
    /// Link text per locale.
    public let title: LocalizedText
    /// Path under `{root}/admin/{module}`, such as `""` or `"/new"`.
    public let path: String
    /// Permission needed to see the link.
    public let permission: String

    /// Creates a console link.
    public init(title: LocalizedText, path: String, permission: String) {
        self.title = title
        self.path = path
        self.permission = permission
    }
}

/// The contract a module implements: a manifest that says what it is, then routes, public items,
/// figures and sample content; everything but the manifest and routes has a default.
public protocol CivicModule: Sendable {
    /// What the module is (see ``ModuleManifest``).
    static var manifest: ModuleManifest { get }

    /// Creates the module once per host.
    init(environment: ModuleEnvironment) throws
    /// Mounts the module's routes.
    func routes(_ router: ModuleRouter)
    /// Figures for the tenant dashboard as they stood at `moment`, read inside a read transaction: the
    /// live figures at ``FigureMoment/now(_:at:)``, a month of the dashboard's history or a report's
    /// frozen figures at the end of a past day. A past moment is rebuilt from dated facts (counted when
    /// their date is not after it), so that history exists from the first fact on and every page agrees.
    func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator]
    /// Everything the module has public now, each item described once (see ``PublicItem``): the host
    /// derives links between modules, the items open to comments and the search index from it, and
    /// rebuilds that index from these after any change.
    func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem]
    /// The public item `kind`/`key`, or `nil` when it does not exist or is not public. The default
    /// looks through ``publicItems(_:_:)``; a module with many items answers it directly.
    func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem?
    /// Public facts about this tenant that its parent commune may show (an instance's mandate, next
    /// meeting), or `nil` for none. Read by the host from this tenant's database only.
    func publicDigest(_ db: Database, _ tenant: Tenant) throws -> [String: String]?
    /// The module's card on the tenant home page, or `nil` for none.
    func summaryCard(_ context: CivicContext) async throws -> SummaryCard?
    /// Writes the module's sample content into a newly provisioned demo tenant, marked as sample
    /// (with `files`, the tenant's folder, for sample documents).
    func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws
    /// Sample content that needs the whole demo tenant in place — every module's samples and, for a
    /// commune, its instances' (a monitoring report written from them): run once, after provisioning.
    func finishSampleContent(_ tenant: Tenant, root: String, database: TenantDatabase) async throws
    /// What account `accountID` did in this module that its owner may find again on their account
    /// page (a consultation's receipt), newest first; empty by default.
    func accountRecords(_ db: Database, _ tenant: Tenant, accountID: Int64) throws -> [AccountRecord]
    /// News that became true by the passing of time between `from` (excluded) and `to` (included),
    /// with no write to record it: an activity now overdue, a consultation that opened on its date.
    /// The host asks every enabled module about each period once and tells followers (see
    /// ``FollowNews``); `words` gives a UI string of the module in every language of the tenant.
    func newsByDate(_ db: Database, _ tenant: Tenant, from: Date, to: Date, words: (String) -> LocalizedText) throws -> [FollowNews]
    /// The module's part of a monitoring report on `period`, in the writer's language (the host asks
    /// once per language of the tenant): what was done, from the module's dated facts. Empty by default.
    func monitoringSections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer: MonitoringWriter) throws -> [MonitoringSection]
    /// Everything the module keeps about account `accountID`, as a JSON document for the account's
    /// data download (`<module>.json` in the ZIP), or `nil` when it keeps nothing.
    func accountData(_ db: Database, _ tenant: Tenant, accountID: Int64) throws -> Data?
    /// The account is being deleted, in the host's transaction: remove or unlink what the module keeps
    /// about it. Public contributions stay, no longer linked to anyone; ``accountData(_:_:accountID:)``
    /// must find nothing afterwards.
    func forgetAccount(_ db: Database, _ tenant: Tenant, accountID: Int64) throws
}

extension CivicModule {
    /// The module's id (see ``ModuleManifest/id``).
    public static var id: String { manifest.id }
    /// Nothing more by default.
    public func finishSampleContent(_ tenant: Tenant, root: String, database: TenantDatabase) async throws {}
    /// Nothing to report by default.
    public func monitoringSections(_ db: Database, _ tenant: Tenant, period: MonitoringPeriod, writer: MonitoringWriter) throws -> [MonitoringSection] { [] }
    /// No indicators by default.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] { [] }
    /// Nothing public by default.
    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] { [] }
    /// Looks through ``publicItems(_:_:)``.
    public func publicItem(_ db: Database, _ tenant: Tenant, kind: String, key: String) throws -> PublicItem? {
        try publicItems(db, tenant).first { $0.kind == kind && $0.key == key }
    }
    /// Nothing for the parent commune by default.
    public func publicDigest(_ db: Database, _ tenant: Tenant) throws -> [String: String]? { nil }
    /// No home card by default.
    public func summaryCard(_ context: CivicContext) async throws -> SummaryCard? { nil }
    /// No sample content by default.
    public func installSampleContent(_ db: Database, _ tenant: Tenant, files: TenantFiles) throws {}
    /// Nothing, by default.
    public func accountRecords(_ db: Database, _ tenant: Tenant, accountID: Int64) throws -> [AccountRecord] { [] }
    /// Nothing kept, by default.
    public func accountData(_ db: Database, _ tenant: Tenant, accountID: Int64) throws -> Data? { nil }
    /// Nothing to forget, by default.
    public func forgetAccount(_ db: Database, _ tenant: Tenant, accountID: Int64) throws {}
    /// None, by default.
    public func newsByDate(_ db: Database, _ tenant: Tenant, from: Date, to: Date, words: (String) -> LocalizedText) throws -> [FollowNews] { [] }
}
