/// The host's services a module may use, injected when the module is created (see
/// ``ModuleEnvironment/services``), as Hummingbird's examples inject repositories: a module never
/// looks them up and never reaches the host another way.
public struct ModuleServices: Sendable {
    /// Live figures of every module enabled in the tenant.
    public let figures: any FigureService
    /// Public items of every module enabled in the tenant, for links between modules.
    public let links: any LinkService
    /// Comments and suggestions under a module's items.
    public let feedback: any FeedbackThreads
    /// What a commune's instances publish about themselves.
    public let digests: any DigestService
    /// Following items and hearing of their news.
    public let follows: any FollowService
    /// Monitoring reports written from every enabled module's data.
    public let monitoring: any MonitoringService

    /// Creates the set; called by the host (or a test) only.
    public init(figures: any FigureService, links: any LinkService, feedback: any FeedbackThreads, digests: any DigestService,
                follows: any FollowService, monitoring: any MonitoringService) {
        self.figures = figures
        self.links = links
        self.feedback = feedback
        self.digests = digests
        self.follows = follows
        self.monitoring = monitoring
    }
}

/// Writes a monitoring report from the data of every module enabled in the tenant, the host's
/// figures on citizen input, and a commune's instances.
public protocol MonitoringService: Sendable {
    /// The report's sections on `period` in each language of `tenant` (by locale), with links under
    /// `root`, and its figures as they stood at the period's end.
    func report(_ tenant: Tenant, root: String, database: TenantDatabase, period: MonitoringPeriod) async throws -> MonitoringContent
}

/// A generated monitoring report's content: stored whole when the report is published, so that what
/// was published can always be shown as it was (and a figure corrected later shows as a correction).
public struct MonitoringContent: Codable, Sendable, Equatable {
    /// A figure as it stood at the period's end.
    public struct Figure: Codable, Sendable, Equatable {
        public let id: String
        public let title: LocalizedText
        public let value: Double
        public let unit: LocalizedText

        /// The figure `indicator` gave.
        public init(_ indicator: Indicator) {
            id = indicator.id
            title = indicator.title
            value = indicator.value
            unit = indicator.unit
        }
    }

    /// The period covered.
    public let period: MonitoringPeriod
    /// Sections by locale, in the order written.
    public let sections: [String: [MonitoringSection]]
    /// The tenant's figures at the period's end, by id order.
    public let figures: [Figure]

    /// The content of a report.
    public init(period: MonitoringPeriod, sections: [String: [MonitoringSection]], figures: [Figure]) {
        self.period = period
        self.sections = sections
        self.figures = figures
    }
}

/// The figures of a tenant (see ``CivicModule/indicators(_:_:at:)``).
public protocol FigureService: Sendable {
    /// The figures every enabled module publishes for the request's tenant, and the host's figures
    /// on citizen input, by indicator id, so one module can show another's numbers (a plan
    /// indicator linked to "reports published", say).
    func live(_ context: CivicContext) async throws -> [String: Indicator]
    /// The same figures as they stood at `moment` (the end of a past day), rebuilt from dated facts:
    /// a linked figure's value at an indicator's baseline date, a report's figures at its period's end.
    func figures(_ context: CivicContext, at moment: FigureMoment) async throws -> [String: Indicator]
}

/// The public items of a tenant that modules may link to (see ``PublicItem/Use/link``).
public protocol LinkService: Sendable {
    /// Items of the enabled modules of the request's tenant (commitments a report evidences, say).
    func targets(_ context: CivicContext) async throws -> [LinkTarget]
}

/// What a commune's consultative instances publish (see ``CivicModule/publicDigest(_:_:)``).
public protocol DigestService: Sendable {
    /// For a commune: what `module` publishes about each of its instances where it is enabled, in
    /// the registry's order. Empty for an instance.
    func children(_ module: String, context: CivicContext) async throws -> [TenantDigest]
}

/// Following a module's items (see ``PublicItem/Use/follow`` and ``FollowNews``).
public protocol FollowService: Sendable {
    /// The button that follows or stops following the item `kind`/`key` of the current module (a
    /// link to sign in for an anonymous visitor), as an HTML fragment to embed unescaped (`{{{follow}}}`).
    func button(kind: String, key: String, context: CivicContext) async throws -> String
}
