import CivicSDK
import Synchronization

/// The running modules, as the host's services find them. Each module receives those services
/// when it is created, so they exist before the modules do; the catalog is filled in once, right
/// after, and never changes again.
final class ModuleDirectory: Sendable {
    private let catalog = Mutex<ModuleCatalog?>(nil)
    private let registry: TenantRegistry

    init(registry: TenantRegistry) {
        self.registry = registry
    }

    /// Called once, by ``HostServices``, when the modules exist.
    func fill(_ modules: ModuleCatalog) {
        catalog.withLock { $0 = modules }
    }

    /// The instance of module `id`, if the host runs it.
    func instance(_ id: String) -> (any CivicModule)? {
        catalog.withLock { $0?.instance(id) }
    }

    /// The modules enabled for a tenant, in registration order.
    func enabled(_ slug: String) -> [any CivicModule] {
        guard let entry = registry.entry(slug) else { return [] }
        return catalog.withLock { $0?.modules ?? [] }.filter { entry.isEnabled($0.id) }.map(\.instance)
    }
}
