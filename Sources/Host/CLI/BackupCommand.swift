import ArgumentParser
import Foundation

/// `opencommune backup TENANT --to FILE.zip`: a consistent copy of a tenant while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write one tenant (database, files, manifest with checksums) to a ZIP file.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Tenant slug.") var tenant: String
    @Option(help: "Archive to write.") var to: String
    @Flag(help: "Replace an existing archive file.") var force = false

    func run() async throws {
        guard force || !FileManager.default.fileExists(atPath: to) else { throw ConfigError("\(to) exists: add --force to replace it") }
        let services = try options.services()
        let archive = try TenantBackup.make(tenant, services: services)
        try archive.write(to: URL(fileURLWithPath: to), options: .atomic)
        print("backed up \(tenant) to \(to) (\(archive.count) bytes)")
    }
}

/// `opencommune restore FILE.zip [--as SLUG] [--force]`: checks every checksum, then restores;
/// refuses while a server runs on the same data directory.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Restore a tenant from a backup archive, after checking it.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Archive made by opencommune backup.") var archive: String
    @Option(name: .customLong("as"), help: "Restore under this slug (a copy; host names are not kept).") var slug: String?
    @Flag(help: "Replace the tenant if it exists.") var force = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: archive) else { throw ConfigError("cannot read \(archive)") }
        let config = try options.loadConfig()
        // never under a running server: it would go on writing to the files this replaces
        let lock = try DataDirectoryLock(directory: config.dataDirectory, for: .restore)
        let services = try options.services(config: config)
        let restored = try withExtendedLifetime(lock) { try TenantBackup.restore(data, as: slug, force: force, services: services) }
        print("restored \(restored) from \(archive)")
    }
}
