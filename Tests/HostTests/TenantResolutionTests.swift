import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite struct TenantResolutionTests {
    @Test func resolvesTenantByFirstPathSegment() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let alpha = try await browser.get("/alpha/")
            #expect(alpha.status == .ok)
            #expect(alpha.body.contains("<h1>Commune Alpha</h1>"))
            let beta = try await browser.get("/beta")
            #expect(beta.status == .ok)
            #expect(beta.body.contains("<h1>Commune Bêta</h1>"))
            #expect(!beta.body.contains("Commune Alpha"))
        }
    }

    @Test func resolvesTenantByHostNameBeforePath() async throws {
        // the router test client always sends the authority "localhost"
        let host = try await TestHost(hosts: ["beta": ["localhost"]])
        try await host.test { client in
            var browser = Browser(client)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("<h1>Commune Bêta</h1>"))
            #expect(home.body.contains("href=\"/login\""), "links of a host-resolved tenant have no path prefix")
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
        }
    }

    @Test func unknownTenantIsA404PageNotAnotherTenant() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            for path in ["/nowhere", "/nowhere/pages", "/alphax/", "/alpha-/pages"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body.contains("Page introuvable"), "\(path)")
                #expect(!page.body.contains("Commune Alpha"), "\(path)")
            }
        }
    }

    @Test func unknownPathInsideTenantIsLocalized404() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let page = try await browser.get("/alpha/no-such-thing?lang=en")
            #expect(page.status == .notFound)
            #expect(page.body.contains("Page not found"))
            #expect(page.body.contains("<h1>Page not found</h1>"))
        }
    }

    @Test func communeListsItsInstancesAndInstanceLinksBack() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var browser = Browser(client)
            let commune = try await browser.get("/alpha/")
            #expect(commune.body.contains("href=\"/alpha-youth/\""))
            #expect(commune.body.contains("Instance jeunesse"))
            let instance = try await browser.get("/alpha-youth/")
            #expect(instance.body.contains("Instance consultative de <a href=\"/alpha/\">Commune Alpha</a>"))
            let portal = try await browser.get("/")
            #expect(portal.body.contains("href=\"/alpha/\"") && portal.body.contains("href=\"/beta/\""))
        }
    }
}

@Suite struct TenantAvailabilityTests {
    @Test func missingTenantDatabaseIsUnavailableWhileOthersServe() async throws {
        let host = try await TestHost()
        try FileManager.default.removeItem(atPath: host.dataDirectory + "/beta")
        try await host.test { client in
            var visitor = Browser(client)
            let beta = try await visitor.get("/beta/")
            #expect(beta.status == .serviceUnavailable)
            #expect(beta.body.contains("momentanément indisponible"))
            #expect(try await visitor.get("/alpha/").status == .ok)
        }
        #expect(!FileManager.default.fileExists(atPath: host.dataDirectory + "/beta/tenant.sqlite"), "no empty database was made in its place")
    }

    @Test func corruptTenantDatabaseIsUnavailableWhileOthersServe() async throws {
        let host = try await TestHost()
        let path = host.dataDirectory + "/beta/tenant.sqlite"
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Data(repeating: 0x5A, count: 8_192).write(to: URL(fileURLWithPath: path))
        try await host.test { client in
            var visitor = Browser(client)
            let beta = try await visitor.get("/beta/")
            #expect(beta.status == .serviceUnavailable)
            #expect(beta.body.contains("momentanément indisponible"))
            #expect(try await visitor.get("/beta/api/v1/feedback/stats").body.contains("\"code\":\"unavailable\""))
            #expect(try await visitor.get("/alpha/").status == .ok)
        }
    }
}
