import Hummingbird
import NIOCore

/// The context the server creates for each connection's request, before any tenant is known.
struct HostRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address ("unknown" in router tests).
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
