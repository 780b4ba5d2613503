import Foundation

/// A ZIP file of stored (uncompressed) entries: enough for an open-data bundle that every tool can
/// open, with CRC-32 checksums and UTF-8 names.
struct ZipArchive {
    private var data = Data()
    private var central = Data()
    private var count: UInt16 = 0

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    private static func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }

    /// Adds a file (names use `/` for folders).
    mutating func add(_ name: String, _ content: Data, modified: Date = Date()) {
        let nameBytes = Data(name.utf8)
        let crc = Self.crc32(content), size = UInt32(content.count), offset = UInt32(data.count)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let day = UInt16(max(0, (c.year ?? 1980) - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        // version 2.0, flag 0x0800 = UTF-8 names, method 0 = stored
        let common = Self.le16(20) + Self.le16(0x0800) + Self.le16(0) + Self.le16(time) + Self.le16(day) + Self.le32(crc) + Self.le32(size) + Self.le32(size)
            + Self.le16(UInt16(nameBytes.count)) + Self.le16(0)
        data += Self.le32(0x0403_4B50) + common + nameBytes + content
        central += Self.le32(0x0201_4B50) + Self.le16(20) + common + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(offset) + nameBytes
        count += 1
    }

    /// The entries of a stored archive (as this type writes them), each checked against its CRC-32;
    /// throws on anything else or on damage.
    static func entries(_ data: Data) throws -> [(name: String, content: Data)] {
        var entries: [(String, Data)] = []
        var offset = data.startIndex
        func u16(_ at: Int) throws -> Int {
            guard at + 1 < data.endIndex else { throw ConfigError("the archive is truncated") }
            return Int(data[at]) | Int(data[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> UInt32 { UInt32(try u16(at)) | UInt32(try u16(at + 2)) << 16 }
        while offset + 30 <= data.endIndex, try u32(offset) == 0x0403_4B50 {
            guard try u16(offset + 8) == 0 else { throw ConfigError("the archive holds compressed entries, which restore does not read") }
            let crc = try u32(offset + 14), size = Int(try u32(offset + 18)), nameLength = try u16(offset + 26), extra = try u16(offset + 28)
            let start = offset + 30 + nameLength + extra
            guard start + size <= data.endIndex else { throw ConfigError("the archive is truncated") }
            let name = String(decoding: data[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let content = Data(data[start..<(start + size)])
            guard crc32(content) == crc else { throw ConfigError("\(name) is damaged in the archive (CRC-32 mismatch)") }
            entries.append((name, content))
            offset = start + size
        }
        guard !entries.isEmpty else { throw ConfigError("this is not a ZIP archive made by opencommune backup") }
        return entries
    }

    /// The archive's bytes.
    var bytes: Data {
        data + central + Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(count) + Self.le16(count)
            + Self.le32(UInt32(central.count)) + Self.le32(UInt32(data.count)) + Self.le16(0)
    }
}
