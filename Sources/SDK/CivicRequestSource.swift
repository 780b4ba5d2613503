import GRDB
import Hummingbird
import Logging

/// Everything the host resolved about a request before handing it to a module's routes.
public struct CivicRequestSource: RequestContextSource, Sendable {
    /// Request logger.
    public let logger: Logger
    /// The resolved tenant.
    public let tenant: Tenant
    /// `/{slug}` when resolved by path, `""` when resolved by host name.
    public let root: String
    /// The path the visitor asked for (root included, query excluded), for links back to this page.
    public let path: String
    /// The tenant's database.
    public let database: TenantDatabase
    /// The tenant's uploaded files.
    public let files: TenantFiles
    /// The signed-in account in this tenant, if any.
    public let account: SignedInAccount?
    /// Negotiated locale.
    public let locale: String
    /// The token every state-changing form must post back as `_csrf`.
    public let csrfToken: String
    /// Page renderer.
    public let renderer: any PageRenderer
    /// Permissions of the host and every module.
    public let policy: PermissionPolicy
    /// Parsed form of a POST, `.empty` otherwise.
    public let form: FormData
    /// Client address, for rate limits.
    public let clientAddress: String
    /// Largest accepted request body, in bytes.
    public let maxUploadSize: Int
    /// The live figures of every module enabled in this tenant, by indicator id.
    public let liveFigures: @Sendable () async throws -> [String: Indicator]
    /// The link targets of every module enabled in this tenant.
    public let linkTargets: @Sendable () async throws -> [LinkTarget]
    /// The host's comments and suggestions service.
    public let feedback: any FeedbackThreads
    /// The public digests of a module in each instance of this tenant (a commune).
    public let childDigests: @Sendable (String) async throws -> [TenantDigest]

    /// Creates a source; called by the host only.
    public init(logger: Logger, tenant: Tenant, root: String, path: String, database: TenantDatabase, files: TenantFiles, account: SignedInAccount?,
                locale: String, csrfToken: String, renderer: any PageRenderer, policy: PermissionPolicy,
                form: FormData, clientAddress: String, maxUploadSize: Int,
                liveFigures: @escaping @Sendable () async throws -> [String: Indicator],
                linkTargets: @escaping @Sendable () async throws -> [LinkTarget], feedback: any FeedbackThreads,
                childDigests: @escaping @Sendable (String) async throws -> [TenantDigest]) {
        self.logger = logger
        self.tenant = tenant
        self.root = root
        self.path = path
        self.database = database
        self.files = files
        self.account = account
        self.locale = locale
        self.csrfToken = csrfToken
        self.renderer = renderer
        self.policy = policy
        self.form = form
        self.clientAddress = clientAddress
        self.maxUploadSize = maxUploadSize
        self.liveFigures = liveFigures
        self.linkTargets = linkTargets
        self.feedback = feedback
        self.childDigests = childDigests
    }
}
