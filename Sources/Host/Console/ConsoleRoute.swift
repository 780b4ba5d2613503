import CivicSDK

/// Every address of a tenant's console served by the host, written once.
enum ConsoleRoute: TenantRoute {
    case home, modules, moduleSwitch(String, enable: Bool), moduleSettings(String), module(String, path: String)
    case users, roles(Int64), invite, userActive(Int64), mailLog, settings, tokens, revokeToken(Int64), feedbackQueue(filter: String? = nil, page: Int? = nil), offlineFeedback, feedbackSettings

    var path: String {
        switch self {
        case .home: "/admin"
        case .modules: "/admin/modules"
        case .moduleSwitch(let id, let enable): "/admin/modules/\(id)/\(enable ? "enable" : "disable")"
        case .moduleSettings(let id): "/admin/modules/\(id)/settings"
        case .module(let id, let path): "/admin/\(id)\(path)"
        case .users: "/admin/users"
        case .roles(let id): "/admin/users/\(id)/roles"
        case .invite: "/admin/users/invite"
        case .userActive(let id): "/admin/users/\(id)/active"
        case .mailLog: "/admin/mail"
        case .settings: "/admin/settings"
        case .tokens: "/admin/tokens"
        case .revokeToken(let id): "/admin/tokens/\(id)/revoke"
        case .feedbackQueue(let filter, let page):
            "/admin/feedback" + (filter.map { "?filter=\($0)" + (page.map { "&page=\($0)" } ?? "") } ?? "")
        case .offlineFeedback: "/admin/feedback/new"
        case .feedbackSettings: "/admin/feedback/settings"
        }
    }
}
