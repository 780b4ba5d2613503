import Foundation
import Testing
@testable import OpenCommune

/// The placement file and the HAProxy maps derived from it.
@Suite struct PlacementTests {
    static func placement() -> Placement {
        Placement(hosts: ["a": .init(url: "http://10.0.0.1:8080"), "b": .init(url: "http://10.0.0.2:8080")], portal: "a",
                  haproxy: .init(socket: "/run/haproxy.sock", maps: "/etc/haproxy/maps"),
                  tenants: ["tetouan": .init(host: "b", names: ["tetouan.ma", "www.tetouan.ma"]),
                            "tetouan-cfeg": .init(commune: "tetouan"),
                            "chefchaouen": .init(host: "a")])
    }

    @Test func anInstanceFollowsItsCommuneInBothMaps() {
        var placement = Self.placement()
        #expect(placement.host(of: "tetouan-cfeg") == "b")
        #expect(Placement.text(placement.pathsMap) == "/chefchaouen/ a\n/tetouan/ b\n/tetouan-cfeg/ b\n")
        #expect(Placement.text(placement.hostsMap) == "tetouan.ma b\nwww.tetouan.ma b\n")
        #expect(placement.family("tetouan") == ["tetouan", "tetouan-cfeg"])
        placement.tenants["tetouan"]?.host = "a"
        #expect(Placement.text(placement.pathsMap) == "/chefchaouen/ a\n/tetouan/ a\n/tetouan-cfeg/ a\n")
    }

    @Test func aPlacementThatCannotRouteIsRefused() {
        var placement = Self.placement()
        #expect(placement.problems().isEmpty)
        placement.tenants["rabat"] = .init(host: "c")
        placement.tenants["orphan"] = .init(commune: "nowhere")
        placement.tenants["both"] = .init(host: "a", commune: "tetouan")
        placement.portal = "z"
        let problems = placement.problems()
        #expect(problems.contains { $0.contains("rabat is placed on unknown host 'c'") })
        #expect(problems.contains { $0.contains("orphan's commune 'nowhere'") })
        #expect(problems.contains { $0.contains("both must have either a host") })
        #expect(problems.contains { $0.contains("portal host 'z'") })
    }

    @Test func itIsSavedWholeAndLoadedBack() throws {
        let path = NSTemporaryDirectory() + "placement-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.placement().save(path)
        #expect(try Placement.load(path) == Self.placement())
        try Data("{\"hosts\": 3}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigError.self) { try Placement.load(path) }
        #expect(throws: ConfigError.self) { try Placement.load(path + ".missing") }
    }

    @Test func theMapFilesAreWrittenFromIt() throws {
        var placement = Self.placement()
        placement.haproxy.maps = NSTemporaryDirectory() + "maps-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: placement.haproxy.maps) }
        let publisher = MapPublisher(placement: placement)
        try publisher.writeFiles()
        #expect(try String(contentsOfFile: publisher.pathsFile, encoding: .utf8) == "/chefchaouen/ a\n/tetouan/ b\n/tetouan-cfeg/ b\n")
        #expect(try String(contentsOfFile: publisher.hostsFile, encoding: .utf8) == "tetouan.ma b\nwww.tetouan.ma b\n")
        // no HAProxy answers on this socket: publishing fails before anything is written
        #expect(throws: HAProxyRuntime.Failure.self) { try MapPublisher(placement: Self.placement()).publish() }
    }

    @Test func clusterSettingsComeWholeOrNotAtAll() throws {
        let environment = ["OPENCOMMUNE_CLUSTER_HOST": "b", "OPENCOMMUNE_CLUSTER_TOKEN": String(repeating: "t", count: 24),
                           "OPENCOMMUNE_CLUSTER_REPLICA": "file:///srv/replica/"]
        let settings = try #require(try ClusterSettings.resolve(host: nil, token: nil, replica: nil, litestream: nil, socket: nil, environment: environment))
        #expect(settings.host == "b" && settings.replica == "file:///srv/replica")
        #expect(settings.tenantReplica("tetouan") == "file:///srv/replica/tenants/tetouan/tenant.sqlite")
        #expect(settings.platformReplica(of: "b") == "file:///srv/replica/hosts/b/platform.sqlite")
        #expect(try ClusterSettings.resolve(host: nil, token: nil, replica: nil, litestream: nil, socket: nil, environment: [:]) == nil)
        let own = try #require(try ClusterSettings.resolve(host: "a", token: String(repeating: "t", count: 24), replica: "s3://replicas/ma",
                                                           replicaQuery: "?endpoint=http://10.0.0.9:8333", litestream: nil, socket: nil, environment: [:]))
        #expect(own.tenantReplica("tetouan") == "s3://replicas/ma/tenants/tetouan/tenant.sqlite?endpoint=http://10.0.0.9:8333")
        #expect(throws: ConfigError.self) {
            try ClusterSettings.resolve(host: "a", token: String(repeating: "t", count: 24), replica: "s3://r?endpoint=x", litestream: nil, socket: nil, environment: [:])
        }
        #expect(throws: ConfigError.self) {
            try ClusterSettings.resolve(host: "a", token: String(repeating: "t", count: 24), replica: "s3://r", replicaQuery: "endpoint=x", litestream: nil, socket: nil, environment: [:])
        }
        #expect(throws: ConfigError.self) { try ClusterSettings.resolve(host: "a", token: "short", replica: "file:///r", litestream: nil, socket: nil, environment: [:]) }
        #expect(throws: ConfigError.self) { try ClusterSettings.resolve(host: "a", token: String(repeating: "t", count: 24), replica: "/r", litestream: nil, socket: nil, environment: [:]) }
        #expect(throws: ConfigError.self) { try ClusterSettings.resolve(host: "A b", token: String(repeating: "t", count: 24), replica: "file:///r", litestream: nil, socket: nil, environment: [:]) }
    }

    @Test func refusedMovesExitWith2AndChangeNothing() async throws {
        let path = NSTemporaryDirectory() + "placement-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.placement().save(path)
        for arguments in [["tenant", "move", "tetouan-cfeg", "--to", "a"], ["tenant", "move", "tetouan", "--to", "b"],
                          ["tenant", "move", "tetouan", "--to", "z"], ["tenant", "move", "nowhere", "--to", "a"],
                          ["tenant", "recover", "tetouan", "--on", "b"], ["tenant", "recover", "tetouan", "--on", "a", "--at", "yesterday"],
                          ["tenant", "thaw", "tetouan-cfeg"], ["tenant", "thaw", "nowhere"]] {
            #expect(await OpenCommuneCommand.run(arguments + ["--placement", path]) == 2, "\(arguments)")
        }
        #expect(await OpenCommuneCommand.run(["tenant", "move", "tetouan", "--to", "a", "--placement", path + ".missing"]) == 2)
        #expect(try Placement.load(path) == Self.placement())
    }
}
