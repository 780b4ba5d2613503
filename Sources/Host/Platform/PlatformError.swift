/// A refused platform operation (bad slug, unknown tenant, module not allowed…), with a message for people.
struct PlatformError: Error, CustomStringConvertible, Equatable {
    let description: String
    init(_ description: String) { self.description = description }
}
