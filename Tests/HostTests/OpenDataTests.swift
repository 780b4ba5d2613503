import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

/// The open-data archive: a valid ZIP holding every public dataset of the enabled modules and a README.
@Suite struct OpenDataTests {
    /// Entries of a stored ZIP, with their checksums verified.
    static func entries(_ data: Data) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        var offset = 0
        func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        while offset + 30 <= data.count, u32(offset) == 0x0403_4B50 {
            let crc = u32(offset + 14), size = Int(u32(offset + 18)), nameLength = u16(offset + 26), extra = u16(offset + 28)
            let name = String(decoding: data[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let start = offset + 30 + nameLength + extra
            let content = Data(data[start..<(start + size)])
            #expect(ZipArchive.crc32(content) == crc, "\(name)")
            entries[name] = content
            offset = start + size
        }
        #expect(u32(offset) == 0x0201_4B50, "the central directory follows the entries")
        return entries
    }

    @Test func theArchiveHoldsEveryPublicDatasetAndAReadme() async throws {
        let host = try await TestHost()
        try await host.enable("plans", on: "alpha", withSample: true)
        try await host.enable("reports", on: "alpha", withSample: true)
        try await host.test { client in
            var visitor = Browser(client)
            let response = try await client.execute(uri: "/alpha/opendata.zip", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/zip")
            let entries = try Self.entries(Data(buffer: response.body))
            #expect(Set(entries.keys).isSuperset(of: ["plan.csv", "plan.json", "reports.csv", "reports-1.json", "pages-1.json", "dashboard.csv",
                                                       "feedback-stats.json", "README.md"]))
            #expect(entries["members.csv"] == nil, "the commune has no instance section")
            let readme = String(decoding: entries["README.md"] ?? Data(), as: UTF8.self)
            #expect(readme.contains("## plan.csv"))
            #expect(readme.contains("planned_start"))
            // the archive's files are what the public pages serve
            let csv = try await visitor.get("/alpha/plans/export.csv")
            #expect(String(decoding: entries["plan.csv"] ?? Data(), as: UTF8.self) == csv.body)
        }
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
    }
}
