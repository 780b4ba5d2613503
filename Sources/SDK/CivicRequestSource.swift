import Hummingbird
import Logging

/// What the host's front door resolved about a request before the pipeline's stages run: which
/// tenant, reached how, at which path, in which language, from where. Stages then add the visitor
/// (``CivicContext/account``), the form token and the submitted form.
public struct CivicRequestSource: RequestContextSource, Sendable {
    /// Request logger.
    public let logger: Logger
    /// The resolved tenant.
    public let tenant: Tenant
    /// `/{slug}` when resolved by path, `""` when resolved by host name.
    public let root: String
    /// The path the visitor asked for (root included, query excluded), for links back to this page.
    public let path: String
    /// Negotiated locale.
    public let locale: String
    /// What the visitor just did (`?done=` after a redirect), for the page's banner.
    public var notice: Notice?
    /// Client address, for rate limits (the visitor's, behind a trusted proxy).
    public let clientAddress: String
    /// The tenant's absolute address (`https://commune.example` or `https://platform.example/tetouan`),
    /// from the configuration and never from the request's `Host` header: the base of links that
    /// leave the site (calendars, feeds, e-mails). ``root`` is the base of every other link.
    public let publicBase: String
    /// The tenant's database and files.
    public let storage: TenantStorage
    /// What the host offers every request: renderer, permissions, limits.
    public let host: HostFacilities

    /// Creates a source; called by the host only.
    public init(logger: Logger, tenant: Tenant, root: String, path: String, locale: String, clientAddress: String,
                publicBase: String, storage: TenantStorage, host: HostFacilities) {
        self.logger = logger
        self.tenant = tenant
        self.root = root
        self.path = path
        self.locale = locale
        self.clientAddress = clientAddress
        self.publicBase = publicBase
        self.storage = storage
        self.host = host
    }
}

/// One tenant's storage: its own database and its own files folder, never another tenant's.
public struct TenantStorage: Sendable {
    /// The tenant's database.
    public let database: TenantDatabase
    /// The tenant's uploaded files.
    public let files: TenantFiles

    /// Creates the pair; called by the host only.
    public init(database: TenantDatabase, files: TenantFiles) {
        self.database = database
        self.files = files
    }
}

/// What the host offers every request, the same for all tenants.
public struct HostFacilities: Sendable {
    /// Page renderer.
    public let renderer: any PageRenderer
    /// Permissions of the host and every module.
    public let policy: PermissionPolicy
    /// Largest accepted upload, in bytes.
    public let maxUploadSize: Int
    /// Called with the tenant's slug once a write that recorded ``FollowNews`` has committed.
    public let announced: @Sendable (String) -> Void
    /// Values kept while what they were computed from holds (see ``CivicContext/memoised(_:_:)``).
    public let memo: any ContentMemo

    /// Creates the facilities; called by the host only.
    public init(renderer: any PageRenderer, policy: PermissionPolicy, maxUploadSize: Int, memo: any ContentMemo,
                announced: @escaping @Sendable (String) -> Void) {
        self.renderer = renderer
        self.policy = policy
        self.maxUploadSize = maxUploadSize
        self.memo = memo
        self.announced = announced
    }
}
