/// The file types the platform accepts, recognised by their content, not by their name.
public enum FileKind: String, Sendable, CaseIterable, Hashable {
    /// PDF document.
    case pdf
    /// PNG image.
    case png
    /// JPEG image.
    case jpeg
    /// GIF image.
    case gif
    /// WebP image.
    case webp
    /// OpenDocument text.
    case odt
    /// OpenDocument spreadsheet.
    case ods
    /// Word document (Office Open XML).
    case docx
    /// Excel workbook (Office Open XML).
    case xlsx
    /// Comma-separated values, UTF-8.
    case csv

    /// Extension used when storing, and served back.
    public var storedExtension: String { rawValue == "jpeg" ? "jpg" : rawValue }

    /// Extensions an uploaded name may carry for this kind.
    public var acceptedExtensions: Set<String> { rawValue == "jpeg" ? ["jpg", "jpeg"] : [rawValue] }

    /// The `Content-Type` it is served with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// Images (shown inline); everything else is offered as a download.
    public var isImage: Bool { [.png, .jpeg, .gif, .webp].contains(self) }

    /// The kind the bytes really are; `nil` when unrecognised. CSV, having no signature, is accepted
    /// only as valid UTF-8 text without NUL bytes under a `.csv` name.
    public static func detect(_ bytes: [UInt8], filename: String) -> FileKind? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return zipKind(bytes) }
        let name = filename.lowercased()
        if name.hasSuffix(".csv"), !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return .csv }
        return nil
    }

    /// OpenDocument files store their type uncompressed first; Office Open XML files name their parts.
    private static func zipKind(_ bytes: [UInt8]) -> FileKind? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("mimetypeapplication/vnd.oasis.opendocument.text") { return .odt }
        if head.contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") { return .ods }
        let names = String(decoding: bytes, as: UTF8.self)
        if names.contains("[Content_Types].xml") {
            if names.contains("word/") { return .docx }
            if names.contains("xl/") { return .xlsx }
        }
        return nil
    }
}
