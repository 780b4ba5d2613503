import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Every form route of the host and the modules, taken from the router, receives hostile and
/// malformed values as a tenant admin (who may reach them all): none may answer with a server error.
@Suite struct FormFuzzTests {
    static let fields = ["title.fr", "title.ar", "body.fr", "slug", "name", "email", "password", "password_confirm", "reason", "outcome", "target",
                         "kind", "module", "item", "date", "text.fr", "new_progress", "new_status", "activity", "status", "number", "position",
                         "opens_at", "closes_at", "audience", "type", "options.fr", "options.ar", "min_choices", "max_choices", "scale", "starts_at",
                         "attendance", "adopted_on", "follow_up", "follow_up_on", "follow_up_reason.fr", "started_on", "ended_on", "role", "q1", "q2",
                         "q3", "q4", "q2-1", "subject", "channel", "received_on", "year", "locales", "accent_color", "logo_url", "scopes", "website",
                         "description.fr", "mission.fr", "mandate_start", "mandate_end", "place.fr", "agenda.fr", "percent", "value", "indicator_name.fr",
                         "key", "label.fr", "due_month", "due_day", "first_year", "period_start", "period_end", "published_on", "languages"]

    /// Values that have broken form handlers elsewhere: huge, negative, malformed dates and numbers, markup, SQL, control characters.
    static let values = ["", String(repeating: "é", count: 20_000), "-1", "99999999999999999999999", "1e309", "NaN", "2026-02-30", "0000-00-00T99:99",
                         "<script>alert(1)</script>", "'; DROP TABLE account; --", "../../etc/passwd", "\u{202E}\u{0627}\u{0644}", "  ", "%00", "[]", "{}"]

    /// The routes in three shares, each on a host of its own, run side by side (the whole took the
    /// longest of every test, alone at the end of the run).
    @Test(arguments: 0..<3) func noFormAnswersWithAServerError(share: Int) async throws {
        let host = try await TestHost()
        for module in ["plans", "reports", "consultations", "instances"] { try await host.enable(module, on: "alpha", withSample: true) }
        let all = try host.tenantRoutes().map { $0.split(separator: " ").map(String.init) }
            .filter { $0[0] == "POST" && !$0[1].hasPrefix("/logout") && !$0[1].hasSuffix("/disable") && !$0[1].hasPrefix("/api/") }
        #expect(all.count > 40)
        let routes = all.enumerated().filter { $0.offset % 3 == share }.map(\.element)
        try await host.test { client in
            var generator = SystemRandomNumberGenerator()
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/account")
            for route in routes {
                let path = "/alpha" + TestHost.concrete(route[1])
                for round in 0..<Self.values.count {
                    let form = Self.fields.map { ($0, round == 0 ? Self.values.randomElement(using: &generator)! : Self.values[round]) }
                    let answer = try await admin.post(path, form)
                    #expect(answer.status.code < 500, "POST \(path) with \(String(Self.values[round].prefix(20))): \(answer.status)")
                }
            }
            // the site still works afterwards
            #expect(try await admin.get("/alpha/").status == .ok)
        }
    }
}
