import CivicSDK
import Logging

/// The modules one host runs, handed in by whoever builds the host (``buildApplication(config:modules:logger:)``,
/// the CLI, a test): created once each, in the given order.
struct ModuleCatalog: Sendable {
    /// One module: its id, its manifest (the type) and its instance.
    struct Module: Sendable {
        let id: String
        let type: any CivicModule.Type
        let instance: any CivicModule
    }

    /// Instantiated modules, in registration order.
    let modules: [Module]

    init(_ types: [any CivicModule.Type], logger: Logger, citizenInput: RateLimiter, signer: Signer, secureCookies: Bool,
         services: ModuleServices) throws {
        var seen: Set<String> = []
        modules = try types.map { type in
            guard seen.insert(type.id).inserted else { throw ConfigError("module \(type.id) is listed twice") }
            var moduleLogger = logger
            moduleLogger[metadataKey: "module"] = .string(type.id)
            let environment = ModuleEnvironment(logger: moduleLogger, citizenInput: citizenInput, signer: signer,
                                                secureCookies: secureCookies, services: services)
            return Module(id: type.id, type: type, instance: try type.init(environment: environment))
        }
    }

    /// Every module type, in registration order.
    var types: [any CivicModule.Type] { modules.map(\.type) }

    /// Every module id, in registration order.
    var ids: [String] { modules.map(\.id) }

    /// The manifest of module `id`, or `nil` when this host does not run it.
    func type(_ id: String) -> (any CivicModule.Type)? { modules.first { $0.id == id }?.type }

    /// The instance of module `id`, or `nil` when this host does not run it.
    func instance(_ id: String) -> (any CivicModule)? { modules.first { $0.id == id }?.instance }

    /// Host and module permissions together.
    var policy: PermissionPolicy { PermissionPolicy(HostPermissions.all + types.flatMap { $0.permissions }) }
}
