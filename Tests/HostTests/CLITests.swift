import Foundation
import GRDB
import Testing
@testable import TestSupport
@testable import OpenCommune

@Suite struct CLITests {
    @Test func badArgumentsExitWithCode2() async throws {
        let host = try await TestHost()
        let cases: [[String]] = [
            ["tenant", "create"],                                       // missing slug and name
            ["tenant", "create", "x", "--name", "X", "--kind", "village"], // unknown kind
            ["tenant", "create", "Bad_Slug", "--name", "X"],            // invalid slug
            ["tenant", "create", "admin", "--name", "X"],               // reserved
            ["tenant", "create", "alpha", "--name", "X"],               // exists
            ["tenant", "create", "young", "--name", "X", "--kind", "instance"], // no parent
            ["tenant", "create", "young", "--name", "X", "--kind", "instance", "--parent", "alpha-youth"], // parent not a commune
            ["tenant", "create", "z", "--name", "X", "--locale", "de"], // unsupported locale
            ["module", "enable", "nowhere", "pages"],
            ["module", "enable", "alpha", "nothing"],
            ["user", "create", "alpha", "--email", "a@b.test", "--role", "king", "--password-stdin"],
            ["user", "create", "alpha", "--email", "a@b.test", "--role", "editor"], // no --password-stdin
            ["serve", "--port", "70000"],
            ["frobnicate"],
        ]
        for arguments in cases {
            #expect(await host.cli(arguments) == 2, "\(arguments)")
        }
        let tenants = try await host.read("alpha") { _ in 0 }
        #expect(tenants == 0)
        #expect(!FileManager.default.fileExists(atPath: host.dataDirectory + "/young"), "a refused tenant leaves no folder")
        #expect(!FileManager.default.fileExists(atPath: host.dataDirectory + "/z"))
    }

    @Test func tenantAndModuleCommandsWork() async throws {
        let host = try await TestHost()
        #expect(await host.cli(["tenant", "create", "delta", "--name", "Delta", "--locale", "ar", "--locale", "fr", "--host", "delta.example"]) == 0)
        #expect(await host.cli(["module", "enable", "delta", "pages"]) == 0)
        #expect(try await host.read("delta") { db in try db.tableExists("page") })
        #expect(await host.cli(["module", "disable", "delta", "pages"]) == 0)
        #expect(try await host.read("delta") { db in try db.tableExists("page") }, "disabling keeps the data")
        #expect(await host.cli(["tenant", "list", "--json"]) == 0)
        #expect(await host.cli(["migrate"]) == 0)
        #expect(await host.cli(["migrate", "--tenant", "delta"]) == 0)
        #expect(await host.cli(["migrate", "--tenant", "nowhere"]) == 2)
    }

    @Test func runningServerSeesTenantsCreatedByTheCLI() async throws {
        let host = try await TestHost()
        try await host.test { client in
            #expect(await host.cli(["tenant", "create", "epsilon", "--name", "Epsilon"]) == 0)
            try await Task.sleep(for: .milliseconds(1_100))
            var visitor = Browser(client)
            #expect(try await visitor.get("/epsilon/").status == .ok)
        }
    }

    @Test func configurationFileAndEnvironment() throws {
        let folder = NSTemporaryDirectory() + "oc-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/oc.toml"
        try "[server]\nport = 9000\n[data]\ndirectory = \"/srv/oc\"\n[locale]\ndefault = \"ar\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let config = try ServerConfig.load(path: file, environment: ["OPENCOMMUNE_PORT": "9100"])
        #expect(config.port == 9100)
        #expect(config.dataDirectory == "/srv/oc")
        #expect(config.defaultLocale == "ar")
        #expect(throws: ConfigError.self) { try ServerConfig.load(path: file, environment: ["OPENCOMMUNE_PORT": "port"]) }
        #expect(throws: ConfigError.self) { try ServerConfig.load(path: folder + "/missing.toml", environment: [:]) }
        try "[server]\nport = \"x\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ServerConfig.load(path: file, environment: [:]) }
        try """
            [server]
            public_url = "https://civic.example/"
            trusted_proxies = ["10.0.0.0/8", "::1"]
            [metrics]
            allow = ["192.0.2.1"]
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let proxied = try ServerConfig.load(path: file, environment: [:])
        #expect(proxied.canonicalURL == "https://civic.example")
        #expect(proxied.strictTransportSecurity == "max-age=31536000; includeSubDomains")
        #expect(proxied.trustedProxies.contains("10.2.3.4") && !proxied.trustedProxies.contains("192.0.2.1"))
        #expect(proxied.metricsAllowed.contains("192.0.2.1") && !proxied.metricsAllowed.contains("127.0.0.1"))
        for bad in ["[server]\npublic_url = \"civic.example\"\n", "[server]\npublic_url = \"https://civic.example/portal\"\n",
                    "[server]\ntrusted_proxies = [\"proxy.local\"]\n", "[metrics]\ntoken = \"short\"\n"] {
            try bad.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(throws: ConfigError.self, "\(bad)") { try ServerConfig.load(path: file, environment: [:]) }
        }
    }

    @Test func provisioningIsIdempotent() async throws {
        let host = try await TestHost()
        let services = host.services
        let provisioning = Provisioning(directory: Repository.root.appendingPathComponent("config/tenants").path)
        let created = try await provisioning.apply(services)
        #expect(Set(created) == ["tetouan", "tetouan-ieecag"])
        #expect(try await provisioning.apply(services).isEmpty)
        #expect(services.registry.entry("tetouan-ieecag")?.tenant.parentSlug == "tetouan")
        #expect(try await host.read("tetouan") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page WHERE published") } == 2)
        // the demo commune drafts its next plan with citizens: sample proposals, one become a draft commitment
        let drafting = try await host.read("tetouan") { db in
            [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan WHERE status = 'draft' AND drafting_opens IS NOT NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE title IS NOT NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM commitment c JOIN feedback_response r ON r.feedback_id = c.proposal AND r.target = 'plans:draft:' || c.id") ?? 0]
        }
        #expect(drafting == [1, 4, 1])
        // the demo commune's monitoring report of 2024, written from its samples
        let generated = try await host.read("tetouan") { db in
            try Row.fetchOne(db, sql: "SELECT r.period_start, r.status, r.sample, g.content FROM report r JOIN report_generated g ON g.report_id = r.id")
                .map { [$0["period_start"] as String, $0["status"] as String, String($0["sample"] as Bool), $0["content"] as String] }
        }
        #expect(generated?[0] == "2024-01-01")
        #expect(generated?[1] == "published" && generated?[2] == "true")
        #expect(generated?[3].contains("Avancement du plan") == true && generated?[3].contains("\"ar\":[") == true, "written in every language")
        #expect(generated?[3].contains("162000") == true || generated?[3].contains("162 000") == true || generated?[3].contains("162\u{202F}000") == true,
                "the sample budget spent by the end of 2024")
    }
}

@Suite struct PlatformErrorTests {
    @Test func messagesAreTranslatedWithTheirValues() async throws {
        let error = PlatformError("host_taken", "a.example", "alpha")
        #expect(error.description == "host name 'a.example' already belongs to 'alpha'")
        let host = try await TestHost()
        #expect(error.message(in: "fr", renderer: host.services.renderer) == "Le nom d'hôte «\u{00A0}a.example\u{00A0}» appartient déjà à «\u{00A0}alpha\u{00A0}».")
        #expect(error.message(in: "ar", renderer: host.services.renderer).contains("a.example"))
    }
}
