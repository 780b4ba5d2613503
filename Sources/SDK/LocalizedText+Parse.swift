import Foundation

extension LocalizedText {
    /// Parses a flat JSON object of strings (the stored form) in one pass over its UTF-8 bytes;
    /// anything it does not expect (nesting, numbers, odd escapes) goes to `JSONSerialization`.
    /// Pages decode hundreds of these per request, and Foundation's parsers dominated the profile.
    static func fastParse(_ json: String) -> [String: String]? {
        var result: [String: String] = [:]
        let bytes = Array(json.utf8)
        var index = 0
        func skipSpace() { while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 } }
        func string() -> String? {
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            index += 1
            var start = index
            var pieces: [UInt8] = []
            while index < bytes.count {
                switch bytes[index] {
                case 0x22:
                    pieces.append(contentsOf: bytes[start..<index])
                    index += 1
                    return String(decoding: pieces, as: UTF8.self)
                case 0x5C:
                    guard index + 1 < bytes.count else { return nil }
                    pieces.append(contentsOf: bytes[start..<index])
                    let escaped: UInt8
                    switch bytes[index + 1] {
                    case 0x22: escaped = 0x22
                    case 0x5C: escaped = 0x5C
                    case 0x2F: escaped = 0x2F
                    case 0x6E: escaped = 0x0A
                    case 0x72: escaped = 0x0D
                    case 0x74: escaped = 0x09
                    default: return nil  // \u, \b, \f: leave to Foundation
                    }
                    pieces.append(escaped)
                    index += 2
                    start = index
                default:
                    index += 1
                }
            }
            return nil
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x7B else { return nil }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == 0x7D { return result }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return nil }
            index += 1
            skipSpace()
            guard let value = string() else { return nil }
            result[key] = value
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x7D { index += 1; break }
            return nil
        }
        skipSpace()
        return index == bytes.count ? result : nil
    }
}
