import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import CivicSDK
import GRDB
import Testing
import TestSupport

/// The calendar and the feed leave the site: their links come from the configured address, never
/// from the request's `Host`, and they carry no character their format cannot hold.
@Suite struct InstanceFeedSafetyTests {
    static func host() async throws -> TestHost {
        let host = try await TestHost(publicURL: "https://civic.example")
        try await host.enable("instances", on: "alpha-youth", withSample: true)
        try await host.write("alpha-youth") { db in
            try db.execute(sql: """
                INSERT INTO instance_meeting (starts_at, place, agenda, status, minutes_text, sample, updated_at)
                VALUES ('2031-06-01T09:30', ?, ?, 'planned', '{}', 0, datetime('now'))
                """, arguments: [#"{"fr":"Salle\rBEGIN:VALARM\rTRIGGER:-PT5M"}"#, #"{"fr":"Ordre\u0001 du jour\u000b\nsuite"}"#])
            try db.execute(sql: """
                INSERT INTO instance_opinion (title, adopted_on, subject, body, follow_up_reason, sample, updated_at)
                VALUES (?, '2030-01-01', ?, '{}', '{}', 0, datetime('now'))
                """, arguments: [#"{"fr":"Avis\u0001 sur\u001b le budget"}"#, #"{"fr":"Objet\u0002"}"#])
        }
        return host
    }

    @Test func calendarLinksComeFromTheConfiguredAddressAndCarryNoStrayLineBreak() async throws {
        let host = try await Self.host()
        let calendar = try await host.test { client in
            var visitor = Browser(client)
            return try await visitor.get("/alpha-youth/instances/meetings.ics").body
        }
        let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.contains("\r") || $0.contains("\n") }, "no carriage return or line feed inside a line")
        #expect(!lines.contains { $0.hasPrefix("BEGIN:VALARM") || $0.hasPrefix("TRIGGER") }, "text cannot start a property")
        #expect(lines.contains("LOCATION:Salle\\nBEGIN:VALARM\\nTRIGGER:-PT5M"))
        #expect(lines.contains { $0.hasPrefix("DESCRIPTION:Ordre du jour\\nsuite") })
        let urls = lines.filter { $0.hasPrefix("URL:") }
        #expect(!urls.isEmpty && urls.allSatisfy { $0.hasPrefix("URL:https://civic.example/alpha-youth/instances/meetings/") })
        #expect(!calendar.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
    }

    @Test func theFeedIsWellFormedXMLWhateverTheEditorsTyped() async throws {
        let host = try await Self.host()
        let feed = try await host.test { client in
            var visitor = Browser(client)
            return try await visitor.get("/alpha-youth/instances/feed.atom").body
        }
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse(), "the feed parses: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(feed.contains("Avis sur le budget"))
    }

    @Test func exportTextDropsWhatFormatsCannotCarry() {
        #expect(ExportText.xml("a\u{1}b\tc\u{FFFE}") == "ab\tc")
        #expect(ExportText.line("a\r\nb\rc\nd\u{2028}e\u{7}f\tg", newline: "|") == "a|b|c|d|ef g")
    }
}
