import CivicSDK
import Foundation
import GRDB
import Logging
import TOMLKit

/// Tenants that must exist at boot, from `config/tenants/*.toml`. Applying them is idempotent:
/// an existing tenant is left as its admins made it; a missing one is created with its modules
/// enabled and, when `demo = true`, the modules' sample content.
struct Provisioning {
    struct TenantFile: Decodable {
        var slug: String
        var kind: String?
        var parent: String?
        var name: [String: String]
        var locales: [String]?
        var hosts: [String]?
        var modules: [String]?
        var accent_color: String?
        /// IANA time zone of a commune (default Africa/Casablanca; an instance takes its commune's).
        var time_zone: String?
        var demo: Bool?
        var admin_email: String?
        /// Whether visitors without an account may send comments and suggestions.
        var feedback_without_account: Bool?
    }

    let directory: String

    /// Reads every file, communes before instances so parents exist first.
    func load() throws -> [TenantFile] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".toml") }.sorted()
        let files = try names.map { name -> TenantFile in
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                return try TOMLDecoder().decode(TenantFile.self, from: try String(contentsOfFile: path, encoding: .utf8))
            } catch {
                throw ConfigError("\(path) is not a valid tenant file: \(error)")
            }
        }
        return files.sorted { ($0.parent == nil ? 0 : 1) < ($1.parent == nil ? 0 : 1) }
    }

    /// Creates the missing tenants; returns the slugs created. A demo tenant's modules finish their
    /// sample content once every file is applied, instances before their commune (whose monitoring
    /// report reads them).
    @discardableResult
    func apply(_ services: HostServices) async throws -> [String] {
        var created: [String] = []
        var demos: [String] = []
        // a tenant created here has no cached page yet: its first content is written to its pool directly
        for file in try load() where services.registry.entry(file.slug) == nil {
            guard let kind = Tenant.Kind(rawValue: file.kind ?? "commune") else { throw ConfigError("\(file.slug): kind must be commune or instance") }
            try services.tenants.create(.init(slug: file.slug, name: LocalizedText(file.name), kind: kind, parent: file.parent,
                                              hosts: file.hosts ?? [], locales: file.locales ?? ["fr", "ar", "en"],
                                              accentColor: file.accent_color ?? "#0b5cad",
                                              formats: TenantFormats(timeZone: file.time_zone ?? TenantFormats.moroccan.timeZone, digits: .western,
                                                                     arabicMonths: .maghreb)))
            for module in file.modules ?? [] {
                try services.tenants.enable(file.slug, module: module)
                if file.demo == true, let instance = services.modules.instance(module), let tenant = services.registry.entry(file.slug)?.tenant {
                    let files = services.files(file.slug)
                    try await services.pools.pool(file.slug).write { db in try instance.installSampleContent(db, tenant, files: files) }
                }
            }
            if let open = file.feedback_without_account {
                try await services.pools.pool(file.slug).write { db in try FeedbackStore.setAcceptsWithoutAccount(db, open) }
            }
            created.append(file.slug)
            if file.demo == true { demos.append(file.slug) }
            services.logger.info("provisioned tenant \(file.slug)")
        }
        for slug in demos.reversed() {
            guard let entry = services.registry.entry(slug) else { continue }
            let database = try services.database(slug), root = entry.hosts.isEmpty ? "/\(slug)" : ""
            for module in services.enabledModules(slug) { try await module.finishSampleContent(entry.tenant, root: root, database: database) }
        }
        return created
    }
}
