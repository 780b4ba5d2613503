import Foundation
import Hummingbird

/// A place in a tenant, written once: a module describes its pages as an enum conforming to this,
/// and every link, form action and redirect is built from it (`PlanRoute.commitment(2).href(context)`).
public protocol TenantRoute: Sendable {
    /// The path under the tenant root, starting with `/` (a fragment may follow).
    var path: String { get }
}

extension TenantRoute {
    /// The address for a visitor who reached the tenant under `root` (`/tetouan` or `""`).
    public func path(_ root: String) -> String { root + path }

    /// The address for the visitor of `context`.
    public func href(_ context: CivicContext) -> String { context.root + path }
}

extension CivicContext {
    /// A 303 redirect to `route`.
    public func redirect(_ route: some TenantRoute) -> Response { redirect(route.path) }

    /// A 303 to `route` after a change that worked, whose page then says so (see ``Notice``).
    public func redirect(_ route: some TenantRoute, notice: Notice) -> Response { redirect(notice.appended(to: route.path)) }
}

/// Addresses the host serves in every tenant, written once; modules link to some of them (files,
/// sign-in, comments).
public enum HostRoute: TenantRoute {
    /// The tenant's home page.
    case home
    /// A module's public pages.
    case module(String)
    /// The tenant's colours, as CSS.
    case theme
    /// An uploaded file (see ``TenantFiles``).
    case file(String)
    /// Signing in, registering, signing out, and the signed-in account (`changed` after a new password).
    case signIn, register, signOut, account(changed: Bool = false), password
    /// Asking for a link to set a new password, and the page that link opens.
    case passwordForgot, passwordReset(String)
    /// The link that confirms a registered address, and asking for another.
    case confirmAddress(String), resendConfirmation
    /// Asking to change one's address, and the link that confirms the new one.
    case changeEmail, confirmEmailChange(String)
    /// One's mail choices, and the one-click link that turns one kind off (``unsubscribePrefix`` + token).
    case mailPreferences, unsubscribe(String)
    /// Following an item, or no longer (``FollowService``).
    case follow
    /// One's data as a ZIP of JSON, and deleting one's account (the page that says what happens, and its form).
    case accountData, deleteAccount
    /// The tenant's privacy notice: what personal data it keeps, why, and one's rights.
    case privacy
    /// The tenant-wide search, with its words and page when given.
    case search(query: String? = nil, page: Int? = nil)
    /// The figures and their history, optionally for one year, as a page, CSV or JSON.
    case dashboard, dashboardCSV(year: Int?), dashboardJSON(year: Int?)
    /// Figures on citizen input, and their JSON twin.
    case feedbackStats, feedbackStatsJSON
    /// The page holding the comments and suggestions of `item` of `module` (`core`/`general`: the commune as a whole).
    case feedback(module: String, item: String)
    /// One comment or suggestion (`sent` or `flagged` right after the visitor did so).
    case feedbackEntry(Int64, sent: Bool = false, flagged: Bool = false)
    /// Where comments and suggestions are posted.
    case feedbackPost
    /// The link that confirms the address a visitor without an account left to hear of the answer.
    case confirmFeedbackContact(Int64, String)

    /// Where unsubscribe links start: such a `POST` comes from a mail program, without form token.
    public static let unsubscribePrefix = "/mail/unsubscribe/"

    public var path: String {
        switch self {
        case .home: "/"
        case .module(let id): "/\(id)"
        case .theme: "/theme.css"
        case .file(let name): "/files/\(name)"
        case .signIn: "/login"
        case .register: "/register"
        case .signOut: "/logout"
        case .account(let changed): changed ? "/account?changed=1" : "/account"
        case .password: "/account/password"
        case .passwordForgot: "/password/forgot"
        case .passwordReset(let token): "/password/reset/\(token)"
        case .confirmAddress(let token): "/account/confirm/\(token)"
        case .resendConfirmation: "/account/confirm"
        case .changeEmail: "/account/email"
        case .confirmEmailChange(let token): "/account/email/\(token)"
        case .mailPreferences: "/account/mail"
        case .unsubscribe(let token): Self.unsubscribePrefix + token
        case .follow: "/account/follow"
        case .accountData: "/account/data.zip"
        case .deleteAccount: "/account/delete"
        case .privacy: "/privacy"
        case .search(let query, let page):
            "/search" + (query.map { "?q=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" + (page.map { "&page=\($0)" } ?? "") } ?? "")
        case .dashboard: "/dashboard"
        case .dashboardCSV(let year): "/dashboard.csv" + (year.map { "?year=\($0)" } ?? "")
        case .dashboardJSON(let year): "/api/v1/dashboard" + (year.map { "?year=\($0)" } ?? "")
        case .feedbackStats: "/feedback"
        case .feedbackStatsJSON: "/api/v1/feedback/stats"
        case .feedback(let module, let item): "/feedback/on/\(module)/\(item)"
        case .feedbackEntry(let id, let sent, let flagged): "/feedback/\(id)" + (sent ? "?sent=1" : flagged ? "?flagged=1" : "")
        case .feedbackPost: "/feedback"
        case .confirmFeedbackContact(let id, let token): "/feedback/\(id)/notify/\(token)"
        }
    }
}
