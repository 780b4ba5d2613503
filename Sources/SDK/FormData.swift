import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`), parsed once by the host.
public struct FormData: Sendable, Hashable {
    /// Values per field name, in submission order.
    public let fields: [String: [String]]
    /// Files of a `multipart/form-data` form, per field name (file inputs left empty are absent).
    public let files: [String: [UploadedFile]]

    /// An empty form (GET requests).
    public static let empty = FormData(fields: [:])

    /// Creates a form from already-decoded fields and files.
    public init(fields: [String: [String]], files: [String: [UploadedFile]] = [:]) {
        self.fields = fields
        self.files = files
    }

    /// The first file sent in `name`, if any.
    public func file(_ name: String) -> UploadedFile? { files[name]?.first }

    /// Parses an urlencoded body; throws a 400 with a message when it is not valid encoding.
    public init(urlEncoded body: String) throws {
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw HTTPError(.badRequest, message: "Malformed form data: invalid percent-encoding.")
            }
            guard !name.isEmpty else { throw HTTPError(.badRequest, message: "Malformed form data: a field has no name.") }
            fields[name, default: []].append(value)
        }
        self.fields = fields
        self.files = [:]
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// First value of `name`, or `nil`.
    public subscript(_ name: String) -> String? { fields[name]?.first }

    /// Every value of `name` (checkbox groups, multiple selects).
    public func all(_ name: String) -> [String] { fields[name] ?? [] }

    /// The trimmed value of `name`, `""` when absent.
    public func text(_ name: String) -> String {
        (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A translatable field submitted as `name.fr`, `name.ar`, `name.en`.
    public func localized(_ name: String, locales: [String]) -> LocalizedText {
        LocalizedText(Dictionary(locales.map { ($0, text("\(name).\($0)")) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Whether a checkbox named `name` was ticked.
    public func isChecked(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return value == "on" || value == "true" || value == "1"
    }
}
