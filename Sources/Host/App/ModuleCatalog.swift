import CivicSDK
import Logging

/// The modules one host runs, handed in by whoever builds the host (``buildApplication(config:modules:logger:)``,
/// the CLI, a test): created once each, in the given order.
struct ModuleCatalog: Sendable {
    /// One module: its manifest and its instance.
    struct Module: Sendable {
        let manifest: ModuleManifest
        let instance: any CivicModule

        var id: String { manifest.id }
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
            return Module(manifest: type.manifest, instance: try type.init(environment: environment))
        }
    }

    /// Every module's manifest, in registration order.
    var manifests: [ModuleManifest] { modules.map(\.manifest) }

    /// Every module id, in registration order.
    var ids: [String] { modules.map(\.id) }

    /// The manifest of module `id`, or `nil` when this host does not run it.
    func manifest(_ id: String) -> ModuleManifest? { modules.first { $0.id == id }?.manifest }

    /// A module's title in the visitor's language, its id when no module has it.
    func title(_ id: String, _ context: CivicContext) -> String { manifest(id).map { context.localized($0.title) } ?? id }

    /// The instance of module `id`, or `nil` when this host does not run it.
    func instance(_ id: String) -> (any CivicModule)? { modules.first { $0.id == id }?.instance }

    /// Host and module permissions together.
    var policy: PermissionPolicy { PermissionPolicy(HostPermissions.all + manifests.flatMap { $0.permissions }) }
}
