import Foundation
import Testing
import TestSupport

/// What the public reads is words, never the platform's internals: actions, who acted, module
/// names, sample marks said once.
@Suite struct PublicWordingTests {
    @Test func historyAndRolesAreWordedForPeople() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        let commitmentID = try await host.read("alpha") { db in try Int64.fetchOne(db, sql: "SELECT id FROM commitment WHERE number = 2")! }
        try await host.createAccount(tenant: "alpha", email: "plans-editor@alpha.test", grants: [.init(.editor, module: "plans")])
        try await host.test { client async throws in
            var editor = Browser(client)
            try await editor.signIn("/alpha", email: "editor@alpha.test")
            try await editor.get("/alpha/admin/plans/commitments/\(commitmentID)")
            _ = try await editor.postMultipart("/alpha/admin/plans/commitments/\(commitmentID)/updates",
                                               [("date", "2026-10-15"), ("text.fr", "Étape franchie.")], files: [])
            var visitor = Browser(client)
            let sheet = try await visitor.get("/alpha/plans/2").body
            #expect(sheet.contains("Point d&#39;étape") || sheet.contains("Point d'étape"))
            #expect(sheet.contains("<bdi>la plateforme</bdi>"), "sample content is the platform's, in words")
            for leak in ["plans.action.", "(sample)", "system —", ">system<"] {
                #expect(!sheet.contains(leak), "\(leak)")
            }
            var moduleEditor = Browser(client)
            try await moduleEditor.signIn("/alpha", email: "plans-editor@alpha.test")
            let account = try await moduleEditor.get("/alpha/account").body
            #expect(account.contains("Éditeur (Plan d&#39;action)") || account.contains("Éditeur (Plan d'action)"), "the module's name, not its id")
        }
    }
}
