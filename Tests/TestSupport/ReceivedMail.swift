import Foundation

/// A mail as it arrived (an `.eml` file, or a message in a Maildir): its headers, and its text and
/// HTML parts decoded, for tests to read what a person would read.
public struct ReceivedMail: Sendable {
    public let headers: [String: String]
    public let text: String
    public let html: String

    /// Parses a `multipart/alternative` message with base64 parts, as the platform writes them.
    public init(_ raw: String) {
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let split = unified.range(of: "\n\n") ?? unified.endIndex..<unified.endIndex
        var headers: [String: String] = [:]
        var last = ""
        for line in unified[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.first == "\t", !last.isEmpty { headers[last, default: ""] += String(line); continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            last = line[..<colon].lowercased()
            headers[last] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        var parts: [String: String] = [:]
        for part in unified[split.upperBound...].components(separatedBy: "\n--") {
            guard let blank = part.range(of: "\n\n"), let type = part.range(of: "Content-Type: ") else { continue }
            let kind = part[type.upperBound...].prefix { $0 != ";" && $0 != "\n" }
            let body = part[blank.upperBound...].filter { !$0.isWhitespace }
            parts[String(kind)] = Data(base64Encoded: String(body)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        text = parts["text/plain"] ?? ""
        html = parts["text/html"] ?? ""
    }

    /// The subject, RFC 2047 words decoded (the space between two encoded words is no space).
    public var subject: String {
        var output = "", previousEncoded = false
        for word in (headers["subject"] ?? "").components(separatedBy: " ") where !word.isEmpty {
            let encoded = word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=")
            let decoded = encoded ? Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).map { String(decoding: $0, as: UTF8.self) } ?? word : word
            if !output.isEmpty && !(encoded && previousEncoded) { output += " " }
            output += decoded
            previousEncoded = encoded
        }
        return output
    }

    /// The first link of the text part to a path containing `fragment`.
    public func link(containing fragment: String) -> String? {
        text.components(separatedBy: .whitespacesAndNewlines).first { $0.hasPrefix("http") && $0.contains(fragment) }
    }

    /// Every mail of a folder (`.eml` files, or a Maildir's `new/`), oldest first.
    public static func all(in folder: String) -> [ReceivedMail] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            (try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)).map(ReceivedMail.init)
        }
    }
}
