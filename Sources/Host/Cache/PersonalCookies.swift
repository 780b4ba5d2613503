import Hummingbird

/// The cookies modules give anonymous visitors that change what they see (see
/// ``ModuleManifest/personalCookies``): a request carrying one is answered for that visitor alone,
/// never from or into the shared page cache.
struct PersonalCookies: Sendable {
    private let names: Set<String>

    init(_ names: some Sequence<String>) { self.names = Set(names) }

    func carried(by request: Request) -> Bool {
        !names.isEmpty && names.contains { request.cookies[$0] != nil }
    }
}
