import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Every console route of the host and of every module, taken from the router itself (so a new
/// route cannot escape): closed to visitors, citizens and other tenants' admins, for reading and
/// for writing.
@Suite struct AuthorizationMatrixTests {
    @Test func consolesAreClosedToEveryoneButTheTenantsStaff() async throws {
        let host = try await TestHost()
        for module in ["plans", "reports", "consultations", "instances"] { try await host.enable(module, on: "alpha", withSample: true) }
        let routes = try host.tenantRoutes().map { $0.split(separator: " ").map(String.init) }
            .filter { $0[1].hasPrefix("/admin") }
        #expect(routes.count > 40, "the console routes are found")
        try await host.test { client in
            var visitor = Browser(client)
            var citizen = Browser(client)
            try await citizen.signIn("/alpha", email: "citizen@alpha.test")
            try await citizen.get("/alpha/account")
            var outsider = Browser(client)
            try await outsider.signIn("/beta", email: "admin@beta.test")
            for route in routes {
                let path = "/alpha" + TestHost.concrete(route[1])
                if route[0] == "GET" {
                    #expect(try await visitor.get(path).status == .unauthorized, "visitor GET \(path)")
                    #expect(try await citizen.get(path).status == .forbidden, "citizen GET \(path)")
                    #expect(try await outsider.get(path).status == .unauthorized, "beta admin GET \(path)")
                } else if route[0] == "POST" {
                    let refused = try await citizen.post(path, [("name", "x"), ("reason", "x"), ("body", "x")])
                    #expect(refused.status == .forbidden, "citizen POST \(path): \(refused.status)")
                    #expect(try await outsider.post(path, [("name", "x")]).status != .seeOther, "beta admin POST \(path)")
                }
            }
        }
    }
}
