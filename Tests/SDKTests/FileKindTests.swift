@testable import CivicSDK
import Foundation
import Testing

@Suite struct FileKindTests {
    @Test func recognisesContentNotNames() {
        #expect(FileKind.detect(Array("%PDF-1.7 ...".utf8), filename: "x.png") == .pdf)
        #expect(FileKind.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], filename: "x") == .png)
        #expect(FileKind.detect([0xFF, 0xD8, 0xFF, 0xE0], filename: "x") == .jpeg)
        #expect(FileKind.detect(Array("RIFF\0\0\0\0WEBPVP8 ".utf8), filename: "x") == .webp)
        let odt = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: UInt8(0), count: 26) + Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
        #expect(FileKind.detect(odt, filename: "x.odt") == .odt)
        let docx = [0x50, 0x4B, 0x03, 0x04] + Array("....[Content_Types].xml....word/document.xml".utf8)
        #expect(FileKind.detect(docx, filename: "x.docx") == .docx)
        #expect(FileKind.detect(Array("a;b\n1;2\n".utf8), filename: "data.csv") == .csv)
        #expect(FileKind.detect(Array("a;b\n1;2\n".utf8), filename: "data.txt") == nil)
        #expect(FileKind.detect([0x61, 0x00, 0x62], filename: "data.csv") == nil, "binary is not CSV")
        #expect(FileKind.detect(Array("<html>".utf8), filename: "x.html") == nil)
    }

    @Test func storedNamesCannotEscapeTheFolder() {
        #expect(TenantFiles.isStoredName("0123456789abcdef0123456789abcdef.pdf"))
        #expect(!TenantFiles.isStoredName("../0123456789abcdef0123456789abcdef.pdf"))
        #expect(!TenantFiles.isStoredName("0123456789ABCDEF0123456789abcdef.pdf"))
        #expect(!TenantFiles.isStoredName("0123456789abcdef0123456789abcdef.exe"))
        #expect(!TenantFiles.isStoredName("tenant.sqlite"))
    }

    @Test func extensionIsTakenFromTheLastPathComponent() {
        let file = UploadedFile(field: "f", filename: "C:\\docs\\rapport.final.PDF", declaredType: nil, bytes: [1])
        #expect(file.filenameExtension == "pdf")
        #expect(UploadedFile(field: "f", filename: ".hidden", declaredType: nil, bytes: [1]).filenameExtension == "")
    }
}

@Suite struct TenantFilesTests {
    private func folder() -> URL { URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("oc-files-" + UUID().uuidString) }
    private let pdf = UploadedFile(field: "f", filename: "rapport.pdf", declaredType: "application/pdf", bytes: Array("%PDF-1.4\n%%EOF\n".utf8))

    @Test func storesWithHashAndReadsBack() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = TenantFiles(directory: directory)
        let stored = try files.store(pdf, accepting: [.pdf], maxBytes: 1_000)
        #expect(stored.sha256 == "14bcd090baf31edba64e9cbd8cdfc15f943344aa72cb3675ad8e91bfcbce03ad")
        #expect(try files.read(stored.name)?.bytes == Data(pdf.bytes))
        files.remove(stored.name)
        #expect(try files.read(stored.name) == nil)
    }

    @Test func aFailureHalfWayThroughWritingLeavesNoFile() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        struct DiskFull: Error {}
        let files = TenantFiles(directory: directory) { data, url in
            try data.prefix(4).write(to: url)
            throw DiskFull()
        }
        let error = #expect(throws: StorageUnavailable.self) { try files.store(pdf, accepting: [.pdf], maxBytes: 1_000) }
        #expect(error?.underlying is DiskFull, "the disk's error is kept for the log")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
