import CivicSDK
import Hummingbird
import Synchronization

/// The tenant router once built: stages added before the routes (the error stage's 405 answers)
/// and routes that re-enter the router (the open-data archive) reach it through this handle.
final class TenantRouterHandle: Sendable {
    private let state = Mutex<(responder: RouterResponder<CivicContext>?, methods: RouteMethods?)>((nil, nil))

    /// Set once, when the router is built.
    func set(_ router: Router<CivicContext>) {
        let built = (router.buildResponder(), RouteMethods(router))
        state.withLock { $0 = built }
    }

    var responder: RouterResponder<CivicContext>? { state.withLock { $0.responder } }

    /// The methods each tenant path answers (empty before the router is built).
    var methods: RouteMethods? { state.withLock { $0.methods } }
}
