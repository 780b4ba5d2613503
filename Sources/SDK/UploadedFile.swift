/// A file part of a submitted `multipart/form-data` form, held in memory (bodies are size-limited).
public struct UploadedFile: Sendable, Hashable {
    /// Form field name.
    public let field: String
    /// File name as sent by the browser: shown to people at most, never used as a path.
    public let filename: String
    /// Content type claimed by the browser; not trusted (see ``FileKind/detect(_:filename:)``).
    public let declaredType: String?
    /// The file's bytes.
    public let bytes: [UInt8]

    /// Creates an uploaded file.
    public init(field: String, filename: String, declaredType: String?, bytes: [UInt8]) {
        self.field = field
        self.filename = filename
        self.declaredType = declaredType
        self.bytes = bytes
    }

    /// The lower-cased extension of ``filename`` (after the last dot, path parts ignored), or `""`.
    public var filenameExtension: String {
        let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }
}
