import Testing
import TestSupport

/// An empty archive says what will appear there; only a search that finds nothing says "no match".
@Suite struct ReportsEmptyStateTests {
    @Test func anEmptyArchiveIsNotAFailedSearch() async throws {
        let host = try await TestHost()
        try await host.enable("reports", on: "alpha")
        try await host.test { client async throws in
            var visitor = Browser(client)
            let empty = try await visitor.get("/alpha/reports")
            #expect(empty.body.contains("Aucun rapport n&#39;est encore publié") || empty.body.contains("Aucun rapport n'est encore publié"))
            #expect(!empty.body.contains("Aucun document ne correspond"))
            let search = try await visitor.get("/alpha/reports?q=budget")
            #expect(search.body.contains("Aucun document ne correspond"))
        }
    }
}
