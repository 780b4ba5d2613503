import CivicSDK
import Foundation
import GRDB

/// A tenant in one ZIP file: its database (copied online with SQLite's backup API, so it is
/// consistent while the server runs), its files, and a manifest with its registry entry and the
/// SHA-256 of every other entry. Restore checks everything before it writes anything.
enum TenantBackup {
    struct Manifest: Codable {
        struct ModuleEntry: Codable {
            var allowed: Bool
            var enabled: Bool
            var settings: [String: String]
        }
        struct FileEntry: Codable {
            var name: String
            var size: Int
            var sha256: String
        }
        var format = 1
        var slug: String
        var kind: String
        var parent: String?
        var name: [String: String]
        var locales: [String]
        var accentColor: String
        var logoURL: String?
        /// Absent in archives made before tenants had a time zone: they restore with the Moroccan conventions.
        var formats: TenantFormats?
        var hosts: [String]
        var modules: [String: ModuleEntry]
        var createdAt: Date
        var files: [FileEntry]
    }

    /// The archive of `slug`, made while the server may be serving it.
    static func make(_ slug: String, services: HostServices) throws -> Data {
        let entry = try services.tenants.entry(slug)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("opencommune-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let copy = work.appendingPathComponent("tenant.sqlite")
        let destination = try DatabaseQueue(path: copy.path)
        try services.pools.pool(slug).backup(to: destination)
        try destination.close()
        var entries: [(String, Data)] = [("tenant.sqlite", try Data(contentsOf: copy))]
        let files = URL(fileURLWithPath: services.pools.directory(slug)).appendingPathComponent("files")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: files.path)) ?? []).sorted() where TenantFiles.isStoredName(name) {
            entries.append(("files/\(name)", try Data(contentsOf: files.appendingPathComponent(name))))
        }
        let tenant = entry.tenant
        let manifest = Manifest(slug: slug, kind: tenant.kind.rawValue, parent: tenant.parentSlug, name: tenant.name.values, locales: tenant.locales,
                                accentColor: tenant.accentColor, logoURL: tenant.logoURL, formats: tenant.formats, hosts: entry.hosts,
                                modules: entry.modules.mapValues { .init(allowed: $0.allowed, enabled: $0.enabled, settings: $0.settings) },
                                createdAt: Date(), files: entries.map { .init(name: $0.0, size: $0.1.count, sha256: Checksum.sha256($0.1)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var zip = ZipArchive()
        zip.add("manifest.json", try encoder.encode(manifest))
        for (name, content) in entries { zip.add(name, content) }
        return zip.bytes
    }

    /// Reads and verifies an archive: the manifest, then every entry against its size and checksum.
    static func verify(_ archive: Data) throws -> (manifest: Manifest, entries: [String: Data]) {
        let entries = Dictionary(try ZipArchive.entries(archive).map { ($0.name, $0.content) }, uniquingKeysWith: { first, _ in first })
        guard let raw = entries["manifest.json"] else { throw ConfigError("the archive has no manifest.json") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: Manifest
        do { manifest = try decoder.decode(Manifest.self, from: raw) } catch { throw ConfigError("manifest.json is not valid: \(error)") }
        guard manifest.format == 1 else { throw ConfigError("unknown backup format \(manifest.format)") }
        let listed = Set(manifest.files.map(\.name))
        guard listed.contains("tenant.sqlite"), Set(entries.keys).subtracting(["manifest.json"]) == listed else {
            throw ConfigError("the archive's entries differ from its manifest")
        }
        for file in manifest.files {
            guard file.name == "tenant.sqlite" || (file.name.hasPrefix("files/") && TenantFiles.isStoredName(String(file.name.dropFirst(6)))) else {
                throw ConfigError("unexpected entry \(file.name)")
            }
            guard let content = entries[file.name], content.count == file.size, Checksum.sha256(content) == file.sha256 else {
                throw ConfigError("\(file.name) does not match its checksum in the manifest")
            }
        }
        return (manifest, entries)
    }

    /// Restores a verified archive as `slug` (the original one by default). An existing tenant is
    /// replaced only when `force`; a copy under another slug keeps no host names.
    static func restore(_ archive: Data, as target: String?, force: Bool, services: HostServices) throws -> String {
        let (manifest, entries) = try verify(archive)
        let slug = target ?? manifest.slug
        let exists = services.registry.entry(slug) != nil
        if exists && !force { throw ConfigError("tenant \(slug) exists: add --force to replace it, or --as to restore under another slug") }
        // check the database before touching the data directory
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("opencommune-restore-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: staging) }
        try entries["tenant.sqlite"]?.write(to: staging)
        let check = try DatabaseQueue(path: staging.path)
        let integrity = try check.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        try check.close()
        guard integrity == "ok" else { throw ConfigError("the archived database fails its integrity check: \(integrity ?? "?")") }

        if !exists {
            guard let kind = Tenant.Kind(rawValue: manifest.kind) else { throw ConfigError("unknown tenant kind \(manifest.kind)") }
            try services.tenants.create(.init(slug: slug, name: LocalizedText(manifest.name), kind: kind, parent: manifest.parent,
                                              hosts: target == nil ? manifest.hosts : [], locales: manifest.locales, accentColor: manifest.accentColor,
                                              formats: manifest.formats ?? .moroccan))
        }
        services.pools.release(slug)
        let folder = URL(fileURLWithPath: services.pools.directory(slug))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent("tenant.sqlite" + suffix)) }
        try FileManager.default.copyItem(at: staging, to: folder.appendingPathComponent("tenant.sqlite"))
        let files = folder.appendingPathComponent("files")
        try? FileManager.default.removeItem(at: files)
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for (name, content) in entries where name.hasPrefix("files/") {
            try content.write(to: files.appendingPathComponent(String(name.dropFirst(6))), options: .atomic)
        }
        try services.registry.write(slug) { db in
            try db.execute(sql: "UPDATE tenant SET logo_url = ? WHERE slug = ?", arguments: [manifest.logoURL, slug])
            for (module, state) in manifest.modules where services.modules.manifest(module) != nil {
                let settings = String(decoding: try JSONEncoder().encode(state.settings), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO tenant_module (slug, module, allowed, enabled, settings) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(slug, module) DO UPDATE SET allowed = excluded.allowed, enabled = excluded.enabled, settings = excluded.settings
                    """, arguments: [slug, module, state.allowed, state.enabled, settings])
            }
        }
        try services.tenants.migrateAll(slug)
        services.versions.bump(slug)
        return slug
    }
}
