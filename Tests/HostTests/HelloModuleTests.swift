import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

/// The README's example module, run by a host that was handed it: routes, permission, form token,
/// figure, public item and search all work through the SDK alone.
@Suite struct HelloModuleTests {
    @Test func aModuleHandedToTheHostServesAndIsServed() async throws {
        let host = try await TestHost(modules: InstalledModules.all + [HelloModule.self])
        try await host.enable("hello", on: "alpha")
        try await host.test { client in
            var visitor = Browser(client)
            #expect(try await visitor.get("/alpha/hello").body.contains("encore salué."))
            #expect(try await visitor.get("/beta/hello").status == .notFound, "not enabled on beta")
            // an anonymous change without a form token is refused before it reaches the module
            #expect(try await visitor.post("/alpha/admin/hello", [("text", "x")]).status == .forbidden)

            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            #expect(try await editor.post("/alpha/admin/hello", [("text", "Salam")], csrf: "forged").status == .forbidden)
            #expect(try await editor.post("/alpha/admin/hello", [("text", "")]).status == .badRequest)
            #expect(try await editor.post("/alpha/admin/hello", [("text", "Salam")]).status == .seeOther)

            let page = try await visitor.get("/alpha/hello?lang=ar")
            #expect(page.body.contains("<li>Salam</li>") && page.body.contains("مرحبا"))
            #expect(try await visitor.get("/alpha/search?q=salam").body.contains("href=\"/alpha/hello\""))
            #expect(try await visitor.get("/alpha/dashboard?lang=fr").body.contains("id=\"hello-greetings-title\">Salutations</h2>"))
        }
    }

    @Test func aHostWithoutItKnowsNothingOfIt() async throws {
        let host = try await TestHost()
        #expect(try host.tenantRoutes().allSatisfy { !$0.contains("hello") })
        await #expect(throws: (any Error).self) { try await host.enable("hello", on: "alpha") }
    }
}
