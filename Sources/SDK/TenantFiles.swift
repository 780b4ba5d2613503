import Foundation

/// Why an uploaded file was refused; `key` names the UI string that explains it.
public struct FileRejection: Error, Sendable, Hashable {
    /// UI string key (`"file.error.<reason>"`).
    public let key: String

    /// The file is empty.
    public static let empty = FileRejection(key: "file.error.empty")
    /// The file is larger than allowed.
    public static let tooLarge = FileRejection(key: "file.error.too_large")
    /// The content is not one of the accepted kinds.
    public static let typeNotAllowed = FileRejection(key: "file.error.type")
    /// The name's extension says one type, the content another.
    public static let extensionMismatch = FileRejection(key: "file.error.extension")
}

/// A file kept in a tenant's `files/` folder under a name the platform chose.
public struct StoredFile: Sendable, Hashable {
    /// Stored name: 32 random hexadecimal digits and the kind's extension.
    public let name: String
    /// The recognised kind.
    public let kind: FileKind
    /// Size in bytes.
    public let size: Int
    /// SHA-256 of the content, in lower-case hexadecimal, for people to check their copy.
    public let sha256: String
}

/// A tenant's uploaded files, in `<data-dir>/<slug>/files/`. Names come from the platform, never
/// from the uploader; content is checked before anything is written; writes are atomic.
public struct TenantFiles: Sendable {
    /// The tenant's files folder.
    public let directory: URL
    private let writeBytes: @Sendable (Data, URL) throws -> Void

    /// Creates access to `directory` (created on first store).
    public init(directory: URL) {
        self.init(directory: directory, writeBytes: { data, url in try data.write(to: url, options: .withoutOverwriting) })
    }

    /// Creates access with a custom writer (tests use it to fail half-way through a write).
    init(directory: URL, writeBytes: @escaping @Sendable (Data, URL) throws -> Void) {
        self.directory = directory
        self.writeBytes = writeBytes
    }

    /// Whether `name` has the shape of a stored name (so it can never point outside the folder).
    public static func isStoredName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32, parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return false }
        return FileKind.allCases.contains { $0.storedExtension == parts[1] }
    }

    /// Checks `file` and stores it; throws a ``FileRejection`` and writes nothing when it is refused,
    /// or ``StorageUnavailable`` (leaving no partial file) when the disk does not take it.
    public func store(_ file: UploadedFile, accepting kinds: Set<FileKind>, maxBytes: Int) throws -> StoredFile {
        guard !file.bytes.isEmpty else { throw FileRejection.empty }
        guard file.bytes.count <= maxBytes else { throw FileRejection.tooLarge }
        guard let kind = FileKind.detect(file.bytes, filename: file.filename), kinds.contains(kind) else {
            throw FileRejection.typeNotAllowed
        }
        guard kind.acceptedExtensions.contains(file.filenameExtension) else { throw FileRejection.extensionMismatch }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
        let name = "\(random).\(kind.storedExtension)"
        let temporary = directory.appendingPathComponent(".upload-\(random)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try writeBytes(Data(file.bytes), temporary)
            try FileManager.default.moveItem(at: temporary, to: directory.appendingPathComponent(name))
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StorageUnavailable(error)
        }
        return StoredFile(name: name, kind: kind, size: file.bytes.count, sha256: Checksum.sha256(file.bytes))
    }

    /// Removes a stored file (when the transaction that referenced it failed); unknown names are ignored.
    public func remove(_ name: String) {
        guard Self.isStoredName(name) else { return }
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }

    /// The bytes and kind of a stored file, or `nil` when there is none by that name.
    public func read(_ name: String) throws -> (bytes: Data, kind: FileKind)? {
        guard Self.isStoredName(name), let kind = FileKind.allCases.first(where: { name.hasSuffix("." + $0.storedExtension) }) else { return nil }
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return (try Data(contentsOf: url), kind)
    }
}
