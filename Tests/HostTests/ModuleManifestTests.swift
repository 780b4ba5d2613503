import CivicSDK
import Foundation
import Testing
import TestSupport
@testable import OpenCommune

/// The manifest's promise: a module's id is its one name everywhere.
@Suite struct ModuleManifestTests {

    @Test func theIdIsTheFolderTheURLSegmentAndThePrefixOfPermissionsAndMigrations() throws {
        for type in InstalledModules.all {
            let manifest = type.manifest
            #expect(manifest.id.range(of: "^[a-z]+$", options: .regularExpression) != nil, "\(manifest.id)")
            let folder = Repository.root.appendingPathComponent("Sources/Plugins/\(manifest.id.prefix(1).uppercased() + manifest.id.dropFirst())")
            for inner in ["Routes", "Records", "Console", "Templates", "Strings"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(inner).path), "\(manifest.id) has no \(inner)/")
            }
            for permission in manifest.permissions { #expect(permission.module == manifest.id, "\(permission.id)") }
            var migrations = ModuleMigrations(moduleID: manifest.id)
            manifest.migrations(&migrations)
            #expect(!migrations.list.isEmpty)
            for migration in migrations.list { #expect(migration.id.hasPrefix("\(manifest.id)/")) }
            for dataset in manifest.openData { #expect(dataset.path.hasPrefix("/\(manifest.id)") || dataset.path.hasPrefix("/api/v1/\(manifest.id)")) }
        }
    }

    @Test func stringsAndTemplatesLiveInTheModulesOwnNamespace() throws {
        for type in InstalledModules.all {
            let manifest = type.manifest
            let strings = try #require(manifest.strings, "\(manifest.id) ships no Strings")
            for locale in ["fr", "ar", "en"] {
                let data = try Data(contentsOf: strings.appendingPathComponent("\(locale).json"))
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                #expect(Array(object.keys) == [manifest.id], "\(manifest.id)/\(locale).json: top-level keys \(object.keys.sorted())")
            }
            let templates = try #require(manifest.templates, "\(manifest.id) ships no Templates")
            #expect(try !FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }.isEmpty)
        }
    }

    @Test func everyPermissionAndSettingIsTitledInTheCatalogue() throws {
        let folder = NSTemporaryDirectory() + "oc-titles-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var config = ServerConfig()
        config.dataDirectory = folder
        let services = try HostServices(config: config, modules: InstalledModules.all, logger: .init(label: "test"))
        for permission in services.policy.all {
            for locale in ["fr", "ar", "en"] {
                let title = services.renderer.text(permission.titleKey, module: permission.module, locale: locale)
                #expect(title != permission.titleKey, "\(permission.id) has no title in \(locale)")
            }
        }
        for manifest in services.modules.manifests {
            for setting in manifest.settings {
                let key = setting.titleKey(module: manifest.id)
                #expect(services.renderer.text(key, module: manifest.id, locale: "ar") != key, "\(manifest.id).\(setting.key)")
            }
        }
    }

    @Test func aModuleListedTwiceIsRefused() throws {
        let folder = NSTemporaryDirectory() + "oc-manifest-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var config = ServerConfig()
        config.dataDirectory = folder
        #expect(throws: ConfigError.self) {
            _ = try HostServices(config: config, modules: InstalledModules.all + [InstalledModules.all[0]], logger: .init(label: "test"))
        }
    }
}
