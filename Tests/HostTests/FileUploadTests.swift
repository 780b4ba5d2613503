import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import OpenCommune

@Suite struct FileUploadTests {
    private func settingsFields(logo: String = "") -> [(String, String)] {
        [("name.fr", "Commune Alpha"), ("locales", "fr"), ("locales", "ar"), ("default_locale", "fr"), ("accent", "#0b5cad"), ("logo", logo)]
    }

    private func storedFiles(_ host: TestHost, _ tenant: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: host.dataDirectory + "/\(tenant)/files")) ?? []
    }

    @Test func logoUploadIsStoredUnderAPlatformNameAndServed() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let saved = try await admin.postMultipart("/alpha/admin/settings", settingsFields(),
                                                      files: [.init(field: "logo_file", filename: "../../../etc/logo.png", contentType: "image/png", bytes: SampleFiles.png)])
            #expect(saved.status == .seeOther)
            let files = storedFiles(host, "alpha")
            #expect(files.count == 1)
            let name = try #require(files.first)
            #expect(name.range(of: "^[0-9a-f]{32}\\.png$", options: .regularExpression) != nil, "never the uploader's name")
            var visitor = Browser(client)
            let home = try await visitor.get("/alpha/")
            #expect(home.body.contains("<img src=\"/alpha/files/\(name)\""))
            let file = try await visitor.get("/alpha/files/\(name)")
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "image/png")
            #expect(file.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            #expect(try await visitor.get("/beta/files/\(name)").status == .notFound, "another tenant's files are not reachable")
            #expect(try await visitor.get("/alpha/files/0123456789abcdef0123456789abcdef.png").status == .notFound)
            #expect(try await visitor.get("/alpha/files/platform.sqlite").status == .notFound)
            #expect(try await visitor.get("/alpha/files/..%2Ftenant.sqlite").status == .notFound)
        }
    }

    @Test func refusedUploadsStoreNothingAndSayWhy() async throws {
        let host = try await TestHost()
        try await host.test { client in
            var admin = Browser(client)
            try await admin.signIn("/alpha", email: "admin@alpha.test")
            try await admin.get("/alpha/admin/settings")
            let cases: [(Browser.Upload, String)] = [
                (.init(field: "logo_file", filename: "logo.jpg", contentType: "image/jpeg", bytes: SampleFiles.png), "ne correspond pas au contenu"),
                (.init(field: "logo_file", filename: "report.pdf", contentType: "application/pdf", bytes: SampleFiles.pdf), "pas accepté ici"),
                (.init(field: "logo_file", filename: "logo.png", contentType: "image/png", bytes: []), "est vide"),
                (.init(field: "logo_file", filename: "big.png", contentType: "image/png", bytes: SampleFiles.png + Array(repeating: 0, count: 1_100_000)),
                 "dépasse la taille"),
                (.init(field: "logo_file", filename: "script.png", contentType: "image/png", bytes: Array("<script>alert(1)</script>".utf8)), "pas accepté ici"),
            ]
            for (upload, message) in cases {
                let page = try await admin.postMultipart("/alpha/admin/settings", settingsFields(), files: [upload])
                #expect(page.status == .badRequest, "\(upload.filename)")
                #expect(page.body.contains(message), "\(upload.filename)")
            }
            // an invalid form with a valid file stores nothing either
            let invalid = try await admin.postMultipart("/alpha/admin/settings", [("name.fr", ""), ("locales", "fr"), ("default_locale", "fr"), ("accent", "#0b5cad")],
                                                        files: [.init(field: "logo_file", filename: "logo.png", contentType: "image/png", bytes: SampleFiles.png)])
            #expect(invalid.status == .badRequest)
            let noToken = try await admin.postMultipart("/alpha/admin/settings", settingsFields(),
                                                        files: [.init(field: "logo_file", filename: "logo.png", contentType: "image/png", bytes: SampleFiles.png)], csrf: "")
            #expect(noToken.status == .forbidden)
        }
        #expect(storedFiles(host, "alpha").isEmpty)
    }

    @Test func contentDispositionParameters() {
        #expect(MultipartForm.parameter("name", in: "form-data; name=\"title.fr\"") == "title.fr")
        #expect(MultipartForm.parameter("filename", in: "form-data; name=\"f\"; filename=\"a \\\"b\\\"; c.pdf\"") == "a \"b\"; c.pdf")
        #expect(MultipartForm.parameter("filename", in: "form-data; name=\"f\"") == nil)
        #expect(MultipartForm.boundary("multipart/form-data; boundary=\"xyz\"") == "xyz")
        #expect(MultipartForm.boundary("application/json") == nil)
    }
}
