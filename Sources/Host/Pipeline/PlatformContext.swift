import CivicSDK
import Hummingbird
import Logging

/// What the platform pages (`/`, `/admin`, health) know about a request.
struct PlatformRequestSource: RequestContextSource, Sendable {
    let logger: Logger
    let path: String
    let locale: String
    let admin: PlatformAdmin?
    let csrfToken: String
    let form: FormData
    let clientAddress: String
    /// What the admin just did (`?done=` after a redirect), for the page's banner.
    var notice: Notice?
}

/// A signed-in platform administrator.
struct PlatformAdmin: Sendable, Hashable {
    let id: Int64
    let email: String
}

/// Request context of the platform router.
struct PlatformContext: RequestContext {
    typealias Source = PlatformRequestSource
    var coreContext: CoreRequestContextStorage
    let request: PlatformRequestSource

    init(source: PlatformRequestSource) {
        coreContext = .init(source: source)
        request = source
    }

    var chrome: Chrome {
        var chrome = Chrome(locale: request.locale, tenant: nil, root: "", path: request.path, account: nil, csrf: request.csrfToken,
                            modules: [], parent: nil, platformAdmin: request.admin != nil)
        chrome.notice = request.notice
        return chrome
    }

    /// Throws 401 unless a platform admin is signed in.
    func requireAdmin() throws -> PlatformAdmin {
        guard let admin = request.admin else { throw HTTPError(.unauthorized) }
        return admin
    }
}
